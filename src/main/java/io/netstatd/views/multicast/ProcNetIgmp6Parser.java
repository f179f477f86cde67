package io.netstatd.views.multicast;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcAddresses;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.support.inet.Family;

/**
 * Parses {@code /proc/net/igmp6} ({@code igmp6_mc_seq_show}): no header; per membership
 * the interface index, its name, the group as 32 hex digits in network order, users,
 * flags and timer.
 */
public final class ProcNetIgmp6Parser {

	private ProcNetIgmp6Parser() {
	}

	/**
	 * Parses {@code /proc/net/igmp6}.
	 * @param file the file
	 * @return the memberships, and the lines left out
	 */
	public static Parsed<Membership> parse(ProcFile file) {
		return ProcLines.parse(file, "a column is not the number the kernel prints there", (number, line) -> {
			String[] c = ProcLines.words(line);
			if (c.length != 6) {
				throw new MalformedLineException("expected 6 columns, found " + c.length);
			}
			return new Membership(Family.INET6, c[1], ProcNumbers.integer(c[0]), ProcAddresses.ipv6(c[2]).toString(),
					ProcNumbers.decimal(c[3]));
		});
	}

}
