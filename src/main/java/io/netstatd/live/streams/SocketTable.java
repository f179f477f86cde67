package io.netstatd.live.streams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
	 * What the table holds for a row: its columns ({@link TableRows}), its index slots
	 * and the arrays' room to grow. Measured at 60,000 sockets (the heap after a full
	 * collection, one table held, less the same heap without it).
	 */
	static final long BYTES_PER_ROW = 120;

	/**
	 * The rows, updated in place at each read: a row whose columns moved is written over,
	 * one that did not is left as it is.
	 */
	private final TableRows rows = new TableRows();

	private boolean taken;

	/** Which read last saw each row. */
	private int read;

	/**
	 * Begins the next snapshot: its rows are given to the pass one at a time, as the
	 * kernel's dump is parsed, so a read is never held whole beside the table (60,000
	 * rows held through a young collection are promoted, and the old generation grows by
	 * a table per tick). A row equal to the one held is dropped at once. The table
	 * changes only when the pass {@linkplain Pass#finish finishes}, so a pass left
	 * unfinished (its dump failed half way) changes nothing a later pass would not tell.
	 * @return the pass; a later one makes it void
	 */
	public Pass begin() {
		this.read++;
		return new Pass(this.read);
	}

	/**
	 * Takes the next snapshot whole and tells what changed since the last.
	 * @param sockets the table now
	 * @param now when it was read ({@link System#nanoTime()})
	 * @return the changes since the last snapshot; none on the first, which only takes
	 * the baseline
	 */
	public List<Change> next(Iterable<InetSocket> sockets, long now) {
		Pass pass = begin();
		sockets.forEach(pass);
		return pass.finish(now);
	}

	/**
	 * Whether a first snapshot was taken.
	 * @return whether the table holds a snapshot
	 */
	public boolean taken() {
		return this.taken;
	}

	/**
	 * How many sockets of the last snapshot {@code selection} accepts.
	 * @param selection which sockets
	 * @return how many
	 */
	public long count(Predicate<InetSocket> selection) {
		long count = 0;
		for (int row = 0; row < this.rows.size(); row++) {
			if (selection.test(this.rows.get(row))) {
				count++;
			}
		}
		return count;
	}

	/**
	 * How many sockets the last snapshot held.
	 * @return the rows
	 */
	public int size() {
		return this.rows.size();
	}

	/**
	 * The row of the socket {@code key} names in the last snapshot.
	 * @param key a socket's ends
	 * @return the row, or null when the snapshot does not hold it
	 */
	InetSocket row(Key key) {
		int row = find(key);
		return (row >= 0) ? this.rows.get(row) : null;
	}

	/**
	 * When the table first saw the socket {@code key} names.
	 * @param key a socket's ends, as a destroy notice tells them
	 * @return the {@link System#nanoTime()} of its first snapshot, or null when it was
	 * never seen
	 */
	Long firstSeen(Key key) {
		int row = find(key);
		return (row >= 0) ? this.rows.since(row) : null;
	}

	private int find(Key key) {
		return this.rows.find(key.protocol(), key.localAddress(), key.localPort(), key.remoteAddress(),
				key.remotePort(), key.netns());
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

	/**
	 * One snapshot being taken: what it found is told and applied when it finishes. A row
	 * whose state did not move but whose other columns did replaces the held one at once
	 * (no change is told of it, so a pass left unfinished loses nothing).
	 */
	public final class Pass implements Consumer<InetSocket> {

		private final int read;

		/**
		 * The rows new to the table, and those whose state moved, in the read's order.
		 */
		private final List<Change> found = new ArrayList<>();

		/** The keys of the rows new to the table: a key read twice counts once. */
		private final Set<Key> opened = new HashSet<>();

		private Pass(int read) {
			this.read = read;
		}

		@Override
		public void accept(InetSocket socket) {
			int row = SocketTable.this.rows.find(socket);
			if (row < 0) {
				if (this.opened.add(Key.of(socket))) {
					this.found.add(new Change(Kind.OPENED, null, socket));
				}
			}
			else if (SocketTable.this.rows.read(row) != this.read) {
				SocketTable.this.rows.read(row, this.read);
				if (SocketTable.this.rows.state(row) != socket.state()) {
					this.found.add(new Change(Kind.CHANGED, SocketTable.this.rows.get(row), socket));
				}
				else if (!SocketTable.this.rows.holds(row, socket)) {
					SocketTable.this.rows.set(row, socket);
				}
			}
		}

		/**
		 * Ends the snapshot: the table becomes what it read.
		 * @param now when it was read ({@link System#nanoTime()}), the first sight of the
		 * rows it opened
		 * @return the changes since the last snapshot; none on the first, which only
		 * takes the baseline
		 * @throws IllegalStateException when a later pass began
		 */
		public List<Change> finish(long now) {
			if (this.read != SocketTable.this.read) {
				throw new IllegalStateException("a later snapshot began");
			}
			TableRows rows = SocketTable.this.rows;
			List<Change> changes = new ArrayList<>();
			for (Change change : this.found) {
				if (change.kind() == Kind.OPENED) {
					rows.add(change.after(), now, this.read);
				}
				else {
					rows.set(rows.find(change.after()), change.after());
				}
			}
			if (SocketTable.this.taken) {
				changes.addAll(this.found);
			}
			// from the last row down: a removed row's place takes one already kept
			for (int row = rows.size() - 1; row >= 0; row--) {
				if (rows.read(row) != this.read) {
					changes.add(new Change(Kind.CLOSED, rows.get(row), null));
					rows.remove(row);
				}
			}
			rows.trim();
			SocketTable.this.taken = true;
			return changes;
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
