package io.netstatd.views.multicast;

import java.nio.ByteOrder;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcAddresses;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.support.inet.Family;

/**
 * Parses {@code /proc/net/igmp} ({@code igmp_mc_seq_show}): a header, then per interface
 * a line {@code Idx Device : Count Querier} followed by one indented line per group: the
 * group as {@code %08X} of a 32-bit word in host byte order, its users, its timer, its
 * reporter. A group line belongs to the interface line above it.
 */
public final class ProcNetIgmpParser {

	private ProcNetIgmpParser() {
	}

	/**
	 * Parses {@code /proc/net/igmp}.
	 * @param file the file
	 * @param order the byte order of the host that printed it
	 * @return the memberships, and the lines left out
	 */
	public static Parsed<Membership> parse(ProcFile file, ByteOrder order) {
		Interface above = new Interface();
		return ProcLines.parse(file, "the group or its users is not a number", (number, line) -> {
			if (number == 1 && line.startsWith("Idx")) {
				return null;
			}
			if (!Character.isWhitespace(line.charAt(0))) {
				// "1\tlo : 1 V3": the interface whose groups follow
				above.device = null;
				int colon = line.indexOf(':');
				String[] head = (colon > 0) ? ProcLines.words(line.substring(0, colon)) : new String[0];
				if (head.length != 2) {
					throw new MalformedLineException("not an interface line");
				}
				above.index = ProcNumbers.integer(head[0]);
				above.device = head[1];
				return null;
			}
			String[] words = ProcLines.words(line);
			if (above.device == null) {
				throw new MalformedLineException("a group without an interface line above it");
			}
			if (words.length < 2) {
				throw new MalformedLineException("expected a group and its users");
			}
			return new Membership(Family.INET, above.device, above.index,
					ProcAddresses.ipv4(words[0], order).toString(), ProcNumbers.decimal(words[1]));
		});
	}

	/** The interface line the group lines below it belong to. */
	private static final class Interface {

		private String device;

		private int index = -1;

	}

}
