package io.netstatd.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/snmp6}: one counter per line, {@code Ip6InReceives 983}. The
 * group is the name up to its first {@code 6} ({@code Ip6}, {@code Icmp6}, {@code Udp6},
 * {@code UdpLite6}) and the counter the rest, so that {@code Ip6 InReceives} reads as
 * {@code Ip InReceives} does in {@code /proc/net/snmp}.
 */
public final class ProcNetSnmp6Parser {

	private ProcNetSnmp6Parser() {
	}

	public static Counters parse(String text, String file) {
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
		List<SkippedLine> skipped = new ArrayList<>();
		ProcText.forEachLine(text, (number, line) -> {
			String[] words = line.strip().split("\\s+");
			int six = words[0].indexOf('6');
			if (words.length != 2) {
				skipped.add(ProcText.skipped(file, number, "expected a name and a value", line));
				return;
			}
			if (six <= 0 || six == words[0].length() - 1 || !words[0].chars().allMatch(Character::isLetterOrDigit)) {
				skipped.add(ProcText.skipped(file, number, "the name has no IPv6 group before a 6", line));
				return;
			}
			try {
				long value = CounterLines.value(words[1]);
				groups.computeIfAbsent(words[0].substring(0, six + 1), (g) -> new LinkedHashMap<>())
					.put(words[0].substring(six + 1), value);
			}
			catch (NumberFormatException ex) {
				skipped.add(ProcText.skipped(file, number, "the value is not a 64-bit integer", line));
			}
		});
		return new Counters(groups, skipped);
	}

}
