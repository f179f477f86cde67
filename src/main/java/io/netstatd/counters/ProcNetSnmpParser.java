package io.netstatd.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/snmp} and {@code /proc/net/netstat}: lines in pairs, the first
 * naming a group's counters ({@code Tcp: RtoAlgorithm RtoMin ...}), the second giving
 * their values ({@code Tcp: 1 200 ...}). A pair that does not match up (another group,
 * another number of values, a value that is not a number) is left out whole and reported:
 * values cannot be given names with certainty.
 */
public final class ProcNetSnmpParser {

	private ProcNetSnmpParser() {
	}

	public static Counters parse(String text, String file) {
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
		List<SkippedLine> skipped = new ArrayList<>();
		List<String> lines = ProcText.lines(text);
		int i = 0;
		while (i < lines.size()) {
			String names = lines.get(i);
			if (names.isBlank()) {
				i++;
				continue;
			}
			String group = CounterLines.group(names);
			if (group == null) {
				skipped.add(ProcText.skipped(file, i + 1, "no group name before a colon", names));
				i++;
				continue;
			}
			if (i + 1 >= lines.size()) {
				skipped.add(ProcText.skipped(file, i + 1, "names without a line of values", names));
				break;
			}
			String values = lines.get(i + 1);
			String reason = pair(group, names, values, groups);
			if (reason != null) {
				skipped.add(ProcText.skipped(file, i + 1, reason, names));
				skipped.add(ProcText.skipped(file, i + 2, reason, values));
			}
			i += 2;
		}
		return new Counters(groups, skipped);
	}

	/** Adds one pair's counters; the reason it cannot, or null. */
	private static String pair(String group, String namesLine, String valuesLine,
			Map<String, Map<String, Long>> groups) {
		if (!group.equals(CounterLines.group(valuesLine))) {
			return "the line after the names of " + group + " does not hold its values";
		}
		String[] names = CounterLines.words(namesLine, group);
		String[] values = CounterLines.words(valuesLine, group);
		if (names.length != values.length) {
			return group + " has " + names.length + " names but " + values.length + " values";
		}
		Map<String, Long> counters = new LinkedHashMap<>();
		for (int j = 0; j < names.length; j++) {
			try {
				counters.put(names[j], CounterLines.value(values[j]));
			}
			catch (NumberFormatException ex) {
				return "the value of " + group + " " + names[j] + " is not a 64-bit integer";
			}
		}
		groups.merge(group, counters, (a, b) -> {
			Map<String, Long> both = new LinkedHashMap<>(a);
			both.putAll(b);
			return both;
		});
		return null;
	}

}
