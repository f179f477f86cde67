package io.netstatd.multicast;

import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/igmp6} ({@code igmp6_mc_seq_show}): no header; per membership
 * the interface index, its name, the group as 32 hex digits in network order, users,
 * flags and timer.
 */
public final class ProcNetIgmp6Parser {

	private ProcNetIgmp6Parser() {
	}

	public static ProcNetIgmpParser.Result parse(String text, String file) {
		List<Membership> memberships = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		ProcText.forEachLine(text, (number, line) -> {
			String[] c = line.strip().split("\\s+");
			if (c.length != 6) {
				skipped.add(ProcText.skipped(file, number, "expected 6 columns, found " + c.length, line));
				return;
			}
			try {
				memberships.add(new Membership("inet6", c[1], (int) ProcText.decimal(c[0]),
						ProcText.ipv6(c[2]).toString(), ProcText.decimal(c[3])));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				skipped.add(ProcText.skipped(file, number, "a column is not the number the kernel prints there", line));
			}
		});
		return new ProcNetIgmpParser.Result(memberships, skipped);
	}

}
