package io.netstatd.views.counters;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;

/**
 * Parses {@code /proc/net/sockstat} and {@code sockstat6}: one line per group, names and
 * values alternating ({@code TCP: inuse 5 orphan 0 tw 3 alloc 7 mem 1}). {@code mem} is
 * in pages, as the kernel counts it.
 */
public final class ProcNetSockstatParser {

	private ProcNetSockstatParser() {
	}

	/**
	 * Parses {@code /proc/net/sockstat} or {@code sockstat6}.
	 * @param file the file
	 * @return a group per line, and the lines left out
	 */
	public static Parsed<CounterGroup> parse(ProcFile file) {
		return ProcLines.parse(file, "a value is not a 64-bit integer", (number, line) -> {
			String group = CounterLines.group(line);
			if (group == null) {
				throw new MalformedLineException("no group name before a colon");
			}
			String[] words = CounterLines.words(line, group);
			if (words.length == 0 || words.length % 2 != 0) {
				throw new MalformedLineException("expected names and values in pairs");
			}
			Map<String, Long> counters = new LinkedHashMap<>();
			for (int j = 0; j < words.length; j += 2) {
				counters.put(words[j], CounterLines.value(words[j + 1]));
			}
			return new CounterGroup(group, counters);
		});
	}

}
