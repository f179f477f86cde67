package io.netstatd.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The sockets read from one or more tables at one moment, and the lines that could not be
 * read.
 *
 * @param sockets the sockets, in the order the kernel listed them
 * @param skipped the malformed lines left out
 */
public record SocketTable(List<InetSocket> sockets, List<SkippedLine> skipped) {

	/**
	 * Reads each table of {@code protocols} with {@code read}, in the order of
	 * {@link Protocol} (netstat's: tcp, tcp6, udp, udp6), and joins them.
	 */
	public static SocketTable join(Set<Protocol> protocols, Function<Protocol, SocketTable> read) {
		List<InetSocket> sockets = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>(0);
		for (Protocol protocol : Protocol.values()) {
			if (protocols.contains(protocol)) {
				SocketTable table = read.apply(protocol);
				sockets.addAll(table.sockets());
				skipped.addAll(table.skipped());
			}
		}
		return new SocketTable(sockets, skipped);
	}

}
