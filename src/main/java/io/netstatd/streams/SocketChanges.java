package io.netstatd.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.inet.IpAddress;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;

/**
 * What changed between two snapshots of a socket table, as {@code ss -E} tells it: a
 * socket is known by its protocol, both ends and namespace; one not there before is
 * {@code opened}, one gone is {@code closed}, one whose state moved is {@code changed}.
 * Not thread-safe: one per stream.
 */
public final class SocketChanges {

	private Map<Key, InetSocket> previous;

	/**
	 * The changes since the last call; {@code null} on the first, which only takes the
	 * baseline.
	 */
	public List<Change> next(List<InetSocket> sockets) {
		Map<Key, InetSocket> current = new HashMap<>(sockets.size() * 2);
		for (InetSocket socket : sockets) {
			current.putIfAbsent(Key.of(socket), socket);
		}
		Map<Key, InetSocket> before = this.previous;
		this.previous = current;
		if (before == null) {
			return null;
		}
		List<Change> changes = new ArrayList<>();
		current.forEach((key, socket) -> {
			InetSocket old = before.get(key);
			if (old == null) {
				changes.add(new Change("opened", socket));
			}
			else if (old.state() != socket.state()) {
				changes.add(new Change("changed", socket));
			}
		});
		before.forEach((key, socket) -> {
			if (!current.containsKey(key)) {
				changes.add(new Change("closed", socket));
			}
		});
		return changes;
	}

	/** A change and the socket it concerns (as it is now, or was last seen). */
	public record Change(String kind, InetSocket socket) {

	}

	private record Key(Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress,
			int remotePort, long netns) {

		static Key of(InetSocket socket) {
			return new Key(socket.protocol(), socket.localAddress(), socket.localPort(), socket.remoteAddress(),
					socket.remotePort(), socket.netns());
		}

	}

}
