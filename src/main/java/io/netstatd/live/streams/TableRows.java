package io.netstatd.live.streams;

import java.util.Arrays;
import java.util.Objects;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;

/**
 * The rows of a {@link SocketTable}, held column by column in arrays, with an index by
 * the socket's ends: about 95 bytes a row where a row as objects (the socket, its
 * details, a key, a map entry and its mark) took 250. The table of 60,000 sockets the
 * live streams share is most of what they cost, and the heap the collector keeps grows
 * with it (two and a half times what stays live), so its size is the streams' price. A
 * row whose columns move (queues, timers) is written over in place rather than replaced
 * by a new object, which would be promoted and die in the old generation.
 * <p>
 * A row that does not fit the narrow columns (a queue or a uid past 32 bits, details with
 * {@code tcp_info}, memory or a backlog) is held whole instead, so every row reads back
 * equal to what was put. Rows are dense (0 to {@link #size()} - 1); removing one moves
 * the last into its place. Not thread-safe.
 */
final class TableRows {

	private static final Protocol[] PROTOCOLS = Protocol.values();

	private static final SocketState[] STATES = SocketState.values();

	private static final long U32 = 0xffff_ffffL;

	/** {@link #flags}: the row has details (cookie, cgroup, mark). */
	private static final byte DETAILS = 1;

	/** {@link #flags}: its details have a cgroup id. */
	private static final byte CGROUP = 2;

	/** {@link #flags}: its details have a mark. */
	private static final byte MARK = 4;

	private int size;

	private byte[] protocol = new byte[0];

	private byte[] state = new byte[0];

	private byte[] flags = new byte[0];

	/** Local port in the high 16 bits, remote in the low. */
	private int[] ports = new int[0];

	private int[] recvQ = new int[0];

	private int[] sendQ = new int[0];

	private int[] uid = new int[0];

	private int[] mark = new int[0];

	private IpAddress[] local = new IpAddress[0];

	private IpAddress[] remote = new IpAddress[0];

	private SocketTimer[] timer = new SocketTimer[0];

	/** The rows held whole, null for those held in the columns. */
	private InetSocket[] whole = new InetSocket[0];

	private long[] inode = new long[0];

	/** Null while every row is of the namespace 0 (the service's own, as read). */
	private long[] netns;

	private long[] cookie = new long[0];

	private long[] cgroup = new long[0];

	private long[] since = new long[0];

	private int[] read = new int[0];

	/**
	 * Open addressing by the ends' hash, at most three quarters full: a row's index plus
	 * one, 0 for a free slot.
	 */
	private int[] index = new int[16];

	int size() {
		return this.size;
	}

	/**
	 * The row of the socket with these ends.
	 * @param socket a socket
	 * @return its row, or -1
	 */
	int find(InetSocket socket) {
		return find(socket.protocol(), socket.localAddress(), socket.localPort(), socket.remoteAddress(),
				socket.remotePort(), socket.netns());
	}

	/**
	 * The row of the socket with these ends.
	 * @param protocol its table
	 * @param localAddress its local address
	 * @param localPort its local port
	 * @param remoteAddress its remote address
	 * @param remotePort its remote port
	 * @param namespace its namespace's inode
	 * @return its row, or -1
	 */
	int find(Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress, int remotePort,
			long namespace) {
		int mask = this.index.length - 1;
		for (int slot = hash(protocol, localAddress, localPort, remoteAddress, remotePort, namespace)
				& mask;; slot = (slot + 1) & mask) {
			int row = this.index[slot] - 1;
			if (row < 0) {
				return -1;
			}
			if (protocol(row) == protocol && localPort(row) == localPort && remotePort(row) == remotePort
					&& netns(row) == namespace && localAddress(row).equals(localAddress)
					&& remoteAddress(row).equals(remoteAddress)) {
				return row;
			}
		}
	}

	/**
	 * Adds a row; its ends must be new to the table.
	 * @param socket the row
	 * @param seen when it was first seen
	 * @param mark the read that saw it
	 */
	void add(InetSocket socket, long seen, int mark) {
		if (this.size == this.protocol.length) {
			// a quarter more room at a time: a table of 60,000 rows keeps no third spare
			resize(Math.max(64, this.size + (this.size >> 2)));
		}
		if (4 * (this.size + 1) > 3 * this.index.length) {
			reindex(this.index.length * 2);
		}
		int row = this.size++;
		set(row, socket);
		this.since[row] = seen;
		this.read[row] = mark;
		this.index[free(hash(row))] = row + 1;
	}

	/**
	 * Writes {@code socket} over a row: its ends must be the row's.
	 * @param row the row
	 * @param socket what it is now
	 */
	void set(int row, InetSocket socket) {
		// the key columns are written too: the same values on an update
		this.protocol[row] = (byte) socket.protocol().ordinal();
		this.local[row] = socket.localAddress();
		this.remote[row] = socket.remoteAddress();
		this.ports[row] = (socket.localPort() << 16) | socket.remotePort();
		if (this.netns == null && socket.netns() != 0) {
			this.netns = new long[this.protocol.length];
		}
		if (this.netns != null) {
			this.netns[row] = socket.netns();
		}
		if (!fits(socket)) {
			this.whole[row] = socket;
			return;
		}
		this.whole[row] = null;
		this.state[row] = (byte) socket.state().ordinal();
		this.recvQ[row] = (int) socket.recvQ();
		this.sendQ[row] = (int) socket.sendQ();
		this.uid[row] = (int) socket.uid();
		this.inode[row] = socket.inode();
		this.timer[row] = socket.timer();
		SockDiagDetails details = socket.details();
		byte rowFlags = 0;
		if (details != null) {
			rowFlags = DETAILS;
			this.cookie[row] = details.cookie();
			if (details.cgroupId() != null) {
				rowFlags |= CGROUP;
				this.cgroup[row] = details.cgroupId();
			}
			if (details.mark() != null) {
				rowFlags |= MARK;
				this.mark[row] = (int) (long) details.mark();
			}
		}
		this.flags[row] = rowFlags;
	}

	/**
	 * The row as a socket, equal to the one last put.
	 * @param row the row
	 * @return the socket
	 */
	InetSocket get(int row) {
		if (this.whole[row] != null) {
			return this.whole[row];
		}
		SockDiagDetails details = null;
		byte rowFlags = this.flags[row];
		if ((rowFlags & DETAILS) != 0) {
			details = new SockDiagDetails(this.cookie[row], ((rowFlags & CGROUP) != 0) ? this.cgroup[row] : null,
					((rowFlags & MARK) != 0) ? (this.mark[row] & U32) : null, null, null, null);
		}
		return new InetSocket(protocol(row), this.local[row], localPort(row), this.remote[row], remotePort(row),
				STATES[this.state[row]], this.recvQ[row] & U32, this.sendQ[row] & U32, this.uid[row] & U32,
				this.inode[row], this.timer[row], netns(row), details);
	}

	/**
	 * Whether a row holds what {@code socket} tells, without making it a socket.
	 * @param row the row
	 * @param socket a socket with the row's ends
	 * @return whether every column is equal
	 */
	boolean holds(int row, InetSocket socket) {
		if (this.whole[row] != null || !fits(socket)) {
			return socket.equals(this.whole[row]);
		}
		return holdsDetails(row, socket.details()) && STATES[this.state[row]] == socket.state()
				&& (this.recvQ[row] & U32) == socket.recvQ() && (this.sendQ[row] & U32) == socket.sendQ()
				&& (this.uid[row] & U32) == socket.uid() && this.inode[row] == socket.inode()
				&& Objects.equals(this.timer[row], socket.timer());
	}

	private boolean holdsDetails(int row, SockDiagDetails details) {
		byte rowFlags = this.flags[row];
		if (details == null) {
			return rowFlags == 0;
		}
		return rowFlags != 0 && this.cookie[row] == details.cookie()
				&& holdsOptional(rowFlags, CGROUP, this.cgroup[row], details.cgroupId())
				&& holdsOptional(rowFlags, MARK, this.mark[row] & U32, details.mark());
	}

	private static boolean holdsOptional(byte rowFlags, byte flag, long held, Long given) {
		return (given != null) ? (rowFlags & flag) != 0 && held == given : (rowFlags & flag) == 0;
	}

	SocketState state(int row) {
		return (this.whole[row] != null) ? this.whole[row].state() : STATES[this.state[row]];
	}

	long since(int row) {
		return this.since[row];
	}

	int read(int row) {
		return this.read[row];
	}

	void read(int row, int mark) {
		this.read[row] = mark;
	}

	/**
	 * Removes a row: the last row takes its number.
	 * @param row the row
	 */
	void remove(int row) {
		unindex(slotOf(row));
		int last = --this.size;
		if (row != last) {
			this.index[slotOf(last)] = row + 1;
			copy(last, row);
		}
		this.whole[last] = null;
		this.local[last] = null;
		this.remote[last] = null;
		this.timer[last] = null;
	}

	/** Gives back the arrays' room when half or less of it is used. */
	void trim() {
		if (this.protocol.length > 64 && this.size <= this.protocol.length / 2) {
			resize(Math.max(64, this.size + (this.size >> 2)));
			int slots = 16;
			while (4 * this.size > 3 * slots) {
				slots *= 2;
			}
			reindex(slots);
		}
	}

	private Protocol protocol(int row) {
		return PROTOCOLS[this.protocol[row]];
	}

	private int localPort(int row) {
		return this.ports[row] >>> 16;
	}

	private int remotePort(int row) {
		return this.ports[row] & 0xffff;
	}

	private IpAddress localAddress(int row) {
		return this.local[row];
	}

	private IpAddress remoteAddress(int row) {
		return this.remote[row];
	}

	private long netns(int row) {
		return (this.netns != null) ? this.netns[row] : 0;
	}

	/** Whether the narrow columns hold {@code socket} exactly. */
	private static boolean fits(InetSocket socket) {
		SockDiagDetails details = socket.details();
		return socket.state() != null && (socket.recvQ() & ~U32) == 0 && (socket.sendQ() & ~U32) == 0
				&& (socket.uid() & ~U32) == 0
				&& (details == null || (details.tcpInfo() == null && details.memory() == null
						&& details.backlog() == null && (details.mark() == null || (details.mark() & ~U32) == 0)));
	}

	private int hash(int row) {
		return hash(protocol(row), this.local[row], localPort(row), this.remote[row], remotePort(row), netns(row));
	}

	private static int hash(Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress,
			int remotePort, long namespace) {
		long h = protocol.ordinal();
		h = h * 31 + localAddress.hashCode();
		h = h * 31 + remoteAddress.hashCode();
		h = h * 31 + (((long) localPort << 16) | remotePort);
		h = h * 31 + namespace;
		// the finalizer of MurmurHash3's 64-bit mix: linear probing needs the low bits
		// spread
		h ^= h >>> 33;
		h *= 0xff51_afd7_ed55_8ccdL;
		h ^= h >>> 33;
		return (int) h;
	}

	/** The first free slot from a hash. */
	private int free(int hash) {
		int mask = this.index.length - 1;
		int slot = hash & mask;
		while (this.index[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/** The slot indexing a row. */
	private int slotOf(int row) {
		int mask = this.index.length - 1;
		int slot = hash(row) & mask;
		while (this.index[slot] != row + 1) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/**
	 * Frees a slot, moving back the entries after it that probed past it (deletion
	 * without tombstones, Knuth's algorithm R), so a lookup never stops short.
	 */
	private void unindex(int slot) {
		int mask = this.index.length - 1;
		int hole = slot;
		this.index[hole] = 0;
		for (int next = (hole + 1) & mask; this.index[next] != 0; next = (next + 1) & mask) {
			int home = hash(this.index[next] - 1) & mask;
			// the entry stays when its home is cyclically in (hole, next]
			boolean stays = (hole <= next) ? (hole < home && home <= next) : (hole < home || home <= next);
			if (!stays) {
				this.index[hole] = this.index[next];
				this.index[next] = 0;
				hole = next;
			}
		}
	}

	private void reindex(int slots) {
		this.index = new int[slots];
		for (int row = 0; row < this.size; row++) {
			this.index[free(hash(row))] = row + 1;
		}
	}

	private void copy(int from, int to) {
		this.protocol[to] = this.protocol[from];
		this.state[to] = this.state[from];
		this.flags[to] = this.flags[from];
		this.ports[to] = this.ports[from];
		this.recvQ[to] = this.recvQ[from];
		this.sendQ[to] = this.sendQ[from];
		this.uid[to] = this.uid[from];
		this.mark[to] = this.mark[from];
		this.local[to] = this.local[from];
		this.remote[to] = this.remote[from];
		this.timer[to] = this.timer[from];
		this.whole[to] = this.whole[from];
		this.inode[to] = this.inode[from];
		if (this.netns != null) {
			this.netns[to] = this.netns[from];
		}
		this.cookie[to] = this.cookie[from];
		this.cgroup[to] = this.cgroup[from];
		this.since[to] = this.since[from];
		this.read[to] = this.read[from];
	}

	private void resize(int rows) {
		this.protocol = Arrays.copyOf(this.protocol, rows);
		this.state = Arrays.copyOf(this.state, rows);
		this.flags = Arrays.copyOf(this.flags, rows);
		this.ports = Arrays.copyOf(this.ports, rows);
		this.recvQ = Arrays.copyOf(this.recvQ, rows);
		this.sendQ = Arrays.copyOf(this.sendQ, rows);
		this.uid = Arrays.copyOf(this.uid, rows);
		this.mark = Arrays.copyOf(this.mark, rows);
		this.local = Arrays.copyOf(this.local, rows);
		this.remote = Arrays.copyOf(this.remote, rows);
		this.timer = Arrays.copyOf(this.timer, rows);
		this.whole = Arrays.copyOf(this.whole, rows);
		this.inode = Arrays.copyOf(this.inode, rows);
		if (this.netns != null) {
			this.netns = Arrays.copyOf(this.netns, rows);
		}
		this.cookie = Arrays.copyOf(this.cookie, rows);
		this.cgroup = Arrays.copyOf(this.cgroup, rows);
		this.since = Arrays.copyOf(this.since, rows);
		this.read = Arrays.copyOf(this.read, rows);
	}

}
