package io.netstatd.views.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;

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

	/**
	 * Parses {@code /proc/net/snmp} or {@code /proc/net/netstat}.
	 * @param file the file
	 * @return a group per pair of lines, and the lines left out
	 */
	public static Parsed<CounterGroup> parse(ProcFile file) {
		List<CounterGroup> groups = new ArrayList<>();
		Skipped.Builder skipped = new Skipped.Builder();
		Pair pair = new Pair();
		ProcLines.forEach(file.data(), file.length(), (number, start, end) -> {
			if (end - start > ProcLines.MAX_LINE) {
				skipped.add(file.name(), number, "longer than " + ProcLines.MAX_LINE + " bytes",
						() -> file.text(start, start + SkippedLine.MAX_TEXT));
				if (pair.names != null) {
					// a pair whose values cannot be read: its names go too
					skipped.add(SkippedLine.of(file.name(), pair.number,
							"its values are longer than " + ProcLines.MAX_LINE + " bytes", pair.names));
					pair.names = null;
				}
				else {
					pair.valuesOfSkipped = true;
				}
				return;
			}
			String line = file.text(start, end);
			if (line.isBlank()) {
				return;
			}
			if (pair.valuesOfSkipped) {
				pair.valuesOfSkipped = false;
				skipped.add(SkippedLine.of(file.name(), number, "the values of names left out", line));
				return;
			}
			if (pair.names == null) {
				if (CounterLines.group(line) == null) {
					skipped.add(SkippedLine.of(file.name(), number, "no group name before a colon", line));
					return;
				}
				pair.names = line;
				pair.number = number;
				return;
			}
			String reason = pair.group(line, groups);
			if (reason != null) {
				skipped.add(SkippedLine.of(file.name(), pair.number, reason, pair.names));
				skipped.add(SkippedLine.of(file.name(), number, reason, line));
			}
			pair.names = null;
		});
		if (pair.names != null) {
			skipped.add(SkippedLine.of(file.name(), pair.number, "names without a line of values", pair.names));
		}
		return new Parsed<>(groups, skipped.build());
	}

	/** The line of names waiting for its line of values. */
	private static final class Pair {

		private String names;

		private int number;

		/**
		 * The line before named counters too many to read: this one holds their values.
		 */
		private boolean valuesOfSkipped;

		/** Adds the pair's group; the reason it cannot, or null. */
		String group(String valuesLine, List<CounterGroup> groups) {
			String group = CounterLines.group(this.names);
			if (!group.equals(CounterLines.group(valuesLine))) {
				return "the line after the names of " + group + " does not hold its values";
			}
			String[] names = CounterLines.words(this.names, group);
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
			groups.add(new CounterGroup(group, counters));
			return null;
		}

	}

}
