package io.netstatd.multicast;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/igmp} ({@code igmp_mc_seq_show}): a header, then per interface
 * a line {@code Idx Device : Count Querier} followed by one indented line per group: the
 * group as {@code %08X} of a 32-bit word in host byte order, its users, its timer, its
 * reporter. A group line belongs to the interface line above it.
 */
public final class ProcNetIgmpParser {

	private ProcNetIgmpParser() {
	}

	public record Result(List<Membership> memberships, List<SkippedLine> skipped) {

	}

	public static Result parse(String text, String file, ByteOrder order) {
		List<Membership> memberships = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		List<String> lines = ProcText.lines(text);
		String device = null;
		int index = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || (i == 0 && line.startsWith("Idx"))) {
				continue;
			}
			String[] words = line.strip().split("\\s+");
			boolean groupLine = Character.isWhitespace(line.charAt(0));
			try {
				if (!groupLine) {
					// "1\tlo : 1 V3"
					device = null;
					int colon = line.indexOf(':');
					String[] head = (colon > 0) ? line.substring(0, colon).strip().split("\\s+") : new String[0];
					if (head.length != 2) {
						throw new NumberFormatException();
					}
					index = Integer.parseInt(head[0]);
					device = head[1];
				}
				else if (device == null) {
					skipped.add(ProcText.skipped(file, i + 1, "a group without an interface line above it", line));
				}
				else if (words.length < 2) {
					skipped.add(ProcText.skipped(file, i + 1, "expected a group and its users", line));
				}
				else {
					memberships.add(new Membership("inet", device, index, ProcText.ipv4(words[0], order).toString(),
							ProcText.decimal(words[1])));
				}
			}
			catch (NumberFormatException ex) {
				skipped.add(ProcText.skipped(file, i + 1,
						groupLine ? "the group or its users is not a number" : "not an interface line", line));
			}
		}
		return new Result(memberships, skipped);
	}

}
