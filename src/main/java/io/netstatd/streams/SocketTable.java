package io.netstatd.streams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.inet.IpAddress;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;

/**
 * A namespace's socket table as the live streams watch it, snapshot after snapshot, and
 * what changed between two, as {@code ss -E} tells it: a socket is known by its protocol,
 * both ends and namespace; one not there before is {@link Kind#OPENED}, one gone is
 * {@link Kind#CLOSED}, one whose state moved is {@link Kind#CHANGED}. One table serves
 * every stream of its namespace and interval ({@link SharedTables}): the changes are
 * computed once, on the whole table, and each stream filters them by its selection. Not
 * thread-safe: its ticker calls it.
 */
public final class SocketTable {

	/**
	 * What the table holds for a row beyond the row: a key's entry, the row and when it
	 * was first seen. Measured at 60,000 sockets (the heap after a full collection, one
	 * table held): the row with its addresses and details, the key, and the map's entry.
	 */
	static final long BYTES_PER_ROW = 300;

	private Map<Key, Seen> rows;

	/**
	 * Takes the next snapshot and tells what changed since the last.
	 * @param sockets the table now
	 * @param now when it was read ({@link System#nanoTime()})
	 * @return the changes since the last snapshot; none on the first, which only takes
	 * the baseline
	 */
	public List<Change> next(List<InetSocket> sockets, long now) {
		Map<Key, Seen> current = new HashMap<>(sockets.size() * 4 / 3 + 1);
		Map<Key, Seen> before = this.rows;
		List<Change> changes = new ArrayList<>();
		for (InetSocket socket : sockets) {
			Key key = Key.of(socket);
			Seen old = (before != null) ? before.get(key) : null;
			if (current.putIfAbsent(key, new Seen(socket, (old != null) ? old.since() : now)) != null
					|| before == null) {
				continue;
			}
			if (old == null) {
				changes.add(new Change(Kind.OPENED, null, socket));
			}
			else if (old.socket().state() != socket.state()) {
				changes.add(new Change(Kind.CHANGED, old.socket(), socket));
			}
		}
		if (before != null) {
			before.forEach((key, seen) -> {
				if (!current.containsKey(key)) {
					changes.add(new Change(Kind.CLOSED, seen.socket(), null));
				}
			});
		}
		this.rows = current;
		return changes;
	}

	/**
	 * Whether a first snapshot was taken.
	 * @return whether the table holds a snapshot
	 */
	public boolean taken() {
		return this.rows != null;
	}

	/**
	 * The sockets of the last snapshot.
	 * @return the sockets, in no order
	 */
	public Collection<InetSocket> sockets() {
		return (this.rows != null) ? this.rows.values().stream().map(Seen::socket).toList() : List.of();
	}

	/**
	 * How many sockets the last snapshot held.
	 * @return the rows
	 */
	public int size() {
		return (this.rows != null) ? this.rows.size() : 0;
	}

	/**
	 * Whether the last snapshot holds the socket {@code key} names.
	 * @param key a socket's ends
	 * @return whether it holds it
	 */
	boolean holds(Key key) {
		return this.rows != null && this.rows.containsKey(key);
	}

	/**
	 * When the table first saw the socket {@code key} names.
	 * @param key a socket's ends, as a destroy notice tells them
	 * @return the {@link System#nanoTime()} of its first snapshot, or null when it was
	 * never seen
	 */
	Long firstSeen(Key key) {
		Seen seen = (this.rows != null) ? this.rows.get(key) : null;
		return (seen != null) ? seen.since() : null;
	}

	/** What happened to a socket between two snapshots. */
	public enum Kind {

		/** There now, not before. */
		OPENED,

		/** There both times, in another state. */
		CHANGED,

		/** There before, not now. */
		CLOSED

	}

	/**
	 * A change and the socket it concerns.
	 *
	 * @param kind what happened
	 * @param before the socket as last seen, null when it opened
	 * @param after the socket as it is now, null when it closed
	 */
	public record Change(Kind kind, InetSocket before, InetSocket after) {

		/**
		 * The socket as it is now, or was last seen.
		 * @return the socket
		 */
		public InetSocket socket() {
			return (this.after != null) ? this.after : this.before;
		}

	}

	private record Seen(InetSocket socket, long since) {

	}

	/**
	 * A socket by what a row and a destroy notice of it share: its protocol, ends and
	 * namespace.
	 */
	record Key(Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress, int remotePort,
			long netns) {

		static Key of(InetSocket socket) {
			return new Key(socket.protocol(), socket.localAddress(), socket.localPort(), socket.remoteAddress(),
					socket.remotePort(), socket.netns());
		}

	}

}
