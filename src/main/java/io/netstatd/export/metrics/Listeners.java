package io.netstatd.export.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.IpAddress;

/**
 * The listening TCP sockets of a scrape, by port, and which connections they accepted: a
 * connection belongs to a listening port when a listener of that port is bound to its
 * local address or to every address. A connection another program opened from an
 * ephemeral port that happens to share a listener's number on another address (a client
 * bound to 127.0.1.5 while a server listens on 127.0.0.1) is nobody's client.
 *
 * @param byPort the addresses listened on, per port
 */
record Listeners(Map<Integer, Set<IpAddress>> byPort) {

	/** No listener. */
	static final Listeners NONE = new Listeners(Map.of());

	/**
	 * The listeners among {@code tcp}.
	 * @param tcp the TCP sockets, of which those in LISTEN count
	 * @return their ports and addresses
	 */
	static Listeners of(List<InetSocket> tcp) {
		Map<Integer, Set<IpAddress>> byPort = new HashMap<>();
		for (InetSocket socket : tcp) {
			if (socket.state() == SocketState.LISTEN) {
				byPort.computeIfAbsent(socket.localPort(), (port) -> new java.util.HashSet<>())
					.add(socket.localAddress());
			}
		}
		return new Listeners(byPort);
	}

	/**
	 * The listening ports, in order.
	 * @return the ports
	 */
	Set<Integer> ports() {
		return new TreeSet<>(this.byPort.keySet());
	}

	/**
	 * Whether a listener of {@code connection}'s local port accepted it: one bound to its
	 * local address, or to every address ({@code 0.0.0.0}, {@code ::}).
	 * @param connection a connection
	 * @return whether it is a client's connection to a listening port
	 */
	boolean accepted(InetSocket connection) {
		Set<IpAddress> addresses = this.byPort.get(connection.localPort());
		if (addresses == null) {
			return false;
		}
		if (addresses.contains(connection.localAddress())) {
			return true;
		}
		for (IpAddress address : addresses) {
			if (address.isAny()) {
				return true;
			}
		}
		return false;
	}

}
