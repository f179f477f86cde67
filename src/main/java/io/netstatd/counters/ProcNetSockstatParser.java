package io.netstatd.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/sockstat} and {@code sockstat6}: one line per group, names and
 * values alternating ({@code TCP: inuse 5 orphan 0 tw 3 alloc 7 mem 1}). {@code mem} is
 * in pages, as the kernel counts it.
 */
public final class ProcNetSockstatParser {

	private ProcNetSockstatParser() {
	}

	public static Counters parse(String text, String file) {
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
		List<SkippedLine> skipped = new ArrayList<>();
		ProcText.forEachLine(text, (number, line) -> {
			String group = CounterLines.group(line);
			if (group == null) {
				skipped.add(ProcText.skipped(file, number, "no group name before a colon", line));
				return;
			}
			String[] words = CounterLines.words(line, group);
			if (words.length == 0 || words.length % 2 != 0) {
				skipped.add(ProcText.skipped(file, number, "expected names and values in pairs", line));
				return;
			}
			Map<String, Long> counters = new LinkedHashMap<>();
			try {
				for (int j = 0; j < words.length; j += 2) {
					counters.put(words[j], CounterLines.value(words[j + 1]));
				}
				groups.put(group, counters);
			}
			catch (NumberFormatException ex) {
				skipped.add(ProcText.skipped(file, number, "a value is not a 64-bit integer", line));
			}
		});
		return new Counters(groups, skipped);
	}

}
