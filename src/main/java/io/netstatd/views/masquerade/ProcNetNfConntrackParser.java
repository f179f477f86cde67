package io.netstatd.views.masquerade;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.support.inet.IpAddress;

/**
 * Parses {@code /proc/net/nf_conntrack} ({@code ct_seq_show}): per connection the family
 * name and number, protocol name and number, seconds to expiry, the state for protocols
 * that have one, then {@code key=value} words: the original direction's src, dst and
 * ports (ICMP has type, code and id instead), maybe [UNREPLIED], the reply direction's,
 * then [ASSURED], mark, secctx, zone, use, and whatever else the kernel was built with
 * (ignored). A line without both directions is left out and reported.
 */
public final class ProcNetNfConntrackParser {

	private ProcNetNfConntrackParser() {
	}

	/**
	 * Parses {@code /proc/net/nf_conntrack}.
	 * @param file the file
	 * @return the tracked connections, and the lines left out
	 */
	public static Parsed<TrackedConnection> parse(ProcFile file) {
		return ProcLines.parse(file, "a number is not one", (number, line) -> connection(ProcLines.words(line)));
	}

	private static TrackedConnection connection(String[] words) {
		if (words.length < 5 || !(words[0].equals("ipv4") || words[0].equals("ipv6"))) {
			throw new MalformedLineException("not a connection: expected ipv4 or ipv6 and four columns");
		}
		long expires = number(words[4], "the expiry");
		int next = 5;
		String state = null;
		if (next < words.length && words[next].indexOf('=') < 0 && !words[next].startsWith("[")) {
			state = words[next++];
		}
		String[][] tuples = new String[2][4];
		int tuple = -1;
		boolean assured = false;
		boolean unreplied = false;
		long mark = 0;
		long zone = 0;
		for (; next < words.length; next++) {
			String word = words[next];
			if (word.equals("[ASSURED]")) {
				assured = true;
				continue;
			}
			if (word.equals("[UNREPLIED]")) {
				unreplied = true;
				continue;
			}
			int equals = word.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String key = word.substring(0, equals);
			String value = word.substring(equals + 1);
			switch (key) {
				case "src" -> {
					if (++tuple > 1) {
						throw new MalformedLineException("more than two directions");
					}
					tuples[tuple][0] = address(value);
				}
				case "dst" -> set(tuples, tuple, 1, address(value));
				case "sport" -> set(tuples, tuple, 2, Integer.toString(port(value)));
				case "dport" -> set(tuples, tuple, 3, Integer.toString(port(value)));
				case "mark" -> mark = number(value, "the mark");
				case "zone" -> zone = number(value, "the zone");
				default -> {
					// type, code, id, use, secctx, labels, delta-time, ...
				}
			}
		}
		if (tuple != 1 || tuples[0][1] == null || tuples[1][1] == null) {
			throw new MalformedLineException("expected the original and the reply direction");
		}
		Tuple original = tuple(tuples[0]);
		Tuple reply = tuple(tuples[1]);
		// replies addressed elsewhere than the initiator: its source was rewritten
		boolean snat = !reply.destination().equals(original.source())
				|| !java.util.Objects.equals(reply.destinationPort(), original.sourcePort());
		// replies from elsewhere than asked: the destination was rewritten
		boolean dnat = !reply.source().equals(original.destination())
				|| !java.util.Objects.equals(reply.sourcePort(), original.destinationPort());
		return new TrackedConnection(words[0], words[2], expires, state, original, reply, snat, dnat, assured,
				unreplied, mark, zone);
	}

	private static void set(String[][] tuples, int tuple, int field, String value) {
		if (tuple < 0) {
			throw new MalformedLineException("a direction's field before its src");
		}
		tuples[tuple][field] = value;
	}

	private static Tuple tuple(String[] fields) {
		return new Tuple(fields[0], fields[1], (fields[2] != null) ? Integer.valueOf(fields[2]) : null,
				(fields[3] != null) ? Integer.valueOf(fields[3]) : null);
	}

	private static String address(String text) {
		IpAddress address = IpAddress.parse(text);
		if (address == null) {
			throw new MalformedLineException("'" + text + "' is not an address");
		}
		return address.toString();
	}

	private static int port(String text) {
		long port = number(text, "a port");
		if (port > 65535) {
			throw new MalformedLineException("'" + text + "' is not a port");
		}
		return (int) port;
	}

	private static long number(String text, String what) {
		try {
			return ProcNumbers.decimal(text);
		}
		catch (NumberFormatException ex) {
			throw new MalformedLineException(what + " '" + text + "' is not a number");
		}
	}

}
