package io.netstatd.live.streams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.IpAddress;

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

	/**
	 * The rows, updated in place at each read: one map, whose entries stay while their
	 * sockets do, instead of a new map of every row per read beside the last one. A row
	 * whose columns did not change keeps the object it had.
	 */
	private final Map<Key, Seen> rows = new HashMap<>();

	private boolean taken;

	/** Which read last saw each row. */
	private long read;

	/**
	 * Takes the next snapshot and tells what changed since the last.
	 * @param sockets the table now
	 * @param now when it was read ({@link System#nanoTime()})
	 * @return the changes since the last snapshot; none on the first, which only takes
	 * the baseline
	 */
	public List<Change> next(List<InetSocket> sockets, long now) {
		this.read++;
		List<Change> changes = new ArrayList<>();
		for (InetSocket socket : sockets) {
			Key key = Key.of(socket);
			Seen seen = this.rows.get(key);
			if (seen == null) {
				this.rows.put(key, new Seen(socket, now, this.read));
				if (this.taken) {
					changes.add(new Change(Kind.OPENED, null, socket));
				}
			}
			else if (seen.read != this.read) {
				if (seen.socket.state() != socket.state()) {
					changes.add(new Change(Kind.CHANGED, seen.socket, socket));
				}
				if (!seen.socket.equals(socket)) {
					seen.socket = socket;
				}
				seen.read = this.read;
			}
		}
		Iterator<Seen> all = this.rows.values().iterator();
		while (all.hasNext()) {
			Seen seen = all.next();
			if (seen.read != this.read) {
				changes.add(new Change(Kind.CLOSED, seen.socket, null));
				all.remove();
			}
		}
		this.taken = true;
		return changes;
	}

	/**
	 * Whether a first snapshot was taken.
	 * @return whether the table holds a snapshot
	 */
	public boolean taken() {
		return this.taken;
	}

	/**
	 * The sockets of the last snapshot.
	 * @return the sockets, in no order
	 */
	public Collection<InetSocket> sockets() {
		return this.rows.values().stream().map((seen) -> seen.socket).toList();
	}

	/**
	 * How many sockets the last snapshot held.
	 * @return the rows
	 */
	public int size() {
		return this.rows.size();
	}

	/**
	 * Whether the last snapshot holds the socket {@code key} names.
	 * @param key a socket's ends
	 * @return whether it holds it
	 */
	boolean holds(Key key) {
		return this.rows.containsKey(key);
	}

	/**
	 * The row of the socket {@code key} names in the last snapshot.
	 * @param key a socket's ends
	 * @return the row, or null when the snapshot does not hold it
	 */
	InetSocket row(Key key) {
		Seen seen = this.rows.get(key);
		return (seen != null) ? seen.socket : null;
	}

	/**
	 * When the table first saw the socket {@code key} names.
	 * @param key a socket's ends, as a destroy notice tells them
	 * @return the {@link System#nanoTime()} of its first snapshot, or null when it was
	 * never seen
	 */
	Long firstSeen(Key key) {
		Seen seen = this.rows.get(key);
		return (seen != null) ? seen.since : null;
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
	 * @param noticed whether the kernel's destroy notice told it: a full socket become a
	 * TIME_WAIT one, {@code after} with the notice's final counters; else two snapshots
	 * compared
	 */
	public record Change(Kind kind, InetSocket before, InetSocket after, boolean noticed) {

		/**
		 * A change two snapshots tell.
		 * @param kind what happened
		 * @param before the socket as last seen, null when it opened
		 * @param after the socket as it is now, null when it closed
		 */
		public Change(Kind kind, InetSocket before, InetSocket after) {
			this(kind, before, after, false);
		}

		/**
		 * This change, told by the kernel's notice of its full socket's end: the row
		 * after it with the notice's counters.
		 * @param notice the destroy notice
		 * @return the change, noticed
		 */
		Change noticedBy(InetSocket notice) {
			return new Change(this.kind, this.before, this.after.withDetails(notice.details()), true);
		}

		/**
		 * Whether the socket went into TIME_WAIT with it.
		 * @return whether it is there now in TIME_WAIT, and was not before
		 */
		boolean intoTimeWait() {
			return this.after != null && this.after.state() == SocketState.TIME_WAIT
					&& (this.before == null || this.before.state() != SocketState.TIME_WAIT);
		}

		/**
		 * The socket as it is now, or was last seen.
		 * @return the socket
		 */
		public InetSocket socket() {
			return (this.after != null) ? this.after : this.before;
		}

	}

	/** A row of the table, the last read's, and when the table first saw it. */
	private static final class Seen {

		private InetSocket socket;

		private final long since;

		private long read;

		Seen(InetSocket socket, long since, long read) {
			this.socket = socket;
			this.since = since;
			this.read = read;
		}

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
