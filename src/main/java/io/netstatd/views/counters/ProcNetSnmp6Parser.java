package io.netstatd.views.counters;

import java.util.Map;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;

/**
 * Parses {@code /proc/net/snmp6}: one counter per line, {@code Ip6InReceives 983}. The
 * group is the name up to its first {@code 6} ({@code Ip6}, {@code Icmp6}, {@code Udp6},
 * {@code UdpLite6}) and the counter the rest, so that {@code Ip6 InReceives} reads as
 * {@code Ip InReceives} does in {@code /proc/net/snmp}.
 */
public final class ProcNetSnmp6Parser {

	private ProcNetSnmp6Parser() {
	}

	/**
	 * Parses {@code /proc/net/snmp6}.
	 * @param file the file
	 * @return one group of one counter per line, and the lines left out
	 */
	public static Parsed<CounterGroup> parse(ProcFile file) {
		return ProcLines.parse(file, "the value is not a 64-bit integer", (number, line) -> {
			String[] words = ProcLines.words(line);
			if (words.length != 2) {
				throw new MalformedLineException("expected a name and a value");
			}
			int six = words[0].indexOf('6');
			if (six <= 0 || six == words[0].length() - 1 || !words[0].chars().allMatch(Character::isLetterOrDigit)) {
				throw new MalformedLineException("the name has no IPv6 group before a 6");
			}
			return new CounterGroup(words[0].substring(0, six + 1),
					Map.of(words[0].substring(six + 1), CounterLines.value(words[1])));
		});
	}

}
