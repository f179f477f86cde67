package io.netstatd.kernel.socket.procfs;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcAddresses;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;

/**
 * Parses the socket tables {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and
 * {@code udp6}, which share one layout ({@code tcp4_seq_show} in
 * {@code net/ipv4/tcp_ipv4.c}, {@code udp4_format_sock} in {@code net/ipv4/udp.c}). A
 * pure function over the file's bytes: no regex, no split, no String per field.
 * <p>
 * Traps it handles: addresses are printed as 32-bit words in the kernel's byte order, so
 * {@code 0100007F} is 127.0.0.1 on x86; a row has 17 columns, but 12 for TIME_WAIT and
 * SYN_RECV rows and 13 for UDP, so only the first ten are required; uid and inode are
 * unsigned; a state code the kernel adds later is {@link SocketState#UNKNOWN}. A line
 * that does not have the shape is skipped and reported, never thrown.
 */
public final class NetIpSocketParser {

	/**
	 * Columns up to {@code inode}, the last one read; every row of every kernel has them.
	 */
	private static final int COLUMNS = 10;

	private static final int USER_HZ = 100;

	private NetIpSocketParser() {
	}

	/**
	 * Parses a table read from a host with the native byte order.
	 * @param file the file
	 * @param protocol the table, which says the address width and what state codes mean
	 * @return the sockets and the skipped lines
	 * @see #parse(ProcFile, Protocol, ByteOrder)
	 */
	public static Parsed<InetSocket> parse(ProcFile file, Protocol protocol) {
		return parse(file, protocol, ByteOrder.nativeOrder());
	}

	/**
	 * Parses {@code file} as the table of {@code protocol}.
	 * @param file the file
	 * @param protocol the table, which says the address width and what state codes mean
	 * @param byteOrder the byte order of the host that printed the file
	 * @return the sockets and the skipped lines
	 */
	public static Parsed<InetSocket> parse(ProcFile file, Protocol protocol, ByteOrder byteOrder) {
		byte[] data = file.data();
		List<InetSocket> sockets = new ArrayList<>(Math.max(16, file.length() / 150));
		Skipped.Builder skipped = new Skipped.Builder();
		Line line = new Line(data, protocol, byteOrder);
		ProcLines.forEach(data, file.length(), (lineNumber, start, end) -> {
			if (!(lineNumber == 1 && isHeader(data, start, end)) && !isBlank(data, start, end)) {
				String problem = line.parse(start, end);
				if (problem == null) {
					sockets.add(line.socket);
				}
				else {
					skipped.add(file.name(), lineNumber, problem,
							() -> file.text(start, Math.min(end, start + SkippedLine.MAX_TEXT)));
				}
			}
		});
		return new Parsed<>(sockets, skipped.build());
	}

	private static boolean isHeader(byte[] data, int start, int end) {
		int i = skipSpaces(data, start, end);
		return i + 2 < end && data[i] == 's' && data[i + 1] == 'l' && data[i + 2] == ' ';
	}

	private static boolean isBlank(byte[] data, int start, int end) {
		return skipSpaces(data, start, end) == end;
	}

	private static int skipSpaces(byte[] data, int i, int end) {
		while (i < end && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r')) {
			i++;
		}
		return i;
	}

	/** One line's columns, found in place; reused from line to line. */
	private static final class Line {

		private final byte[] data;

		private final Protocol protocol;

		private final ByteOrder byteOrder;

		private final int[] words = new int[4];

		private final int addressDigits;

		private final int[] from = new int[COLUMNS];

		private final int[] to = new int[COLUMNS];

		private InetSocket socket;

		Line(byte[] data, Protocol protocol, ByteOrder byteOrder) {
			this.data = data;
			this.protocol = protocol;
			this.byteOrder = byteOrder;
			this.addressDigits = protocol.ipv6() ? 32 : 8;
		}

		/** Parses the line into {@link #socket}; returns what is wrong, or null. */
		String parse(int start, int end) {
			int columns = split(start, end);
			if (columns < COLUMNS) {
				return "expected at least " + COLUMNS + " columns, found " + columns;
			}
			if (!isSlot(this.from[0], this.to[0])) {
				return "column 1 (sl): expected a number and a colon";
			}
			int localColon = endpointColon(1);
			if (localColon < 0) {
				return "column 2 (local_address): expected " + this.addressDigits
						+ " hex digits, a colon, 4 hex digits";
			}
			int remoteColon = endpointColon(2);
			if (remoteColon < 0) {
				return "column 3 (rem_address): expected " + this.addressDigits + " hex digits, a colon, 4 hex digits";
			}
			long state = hex(this.from[3], this.to[3], 2);
			if (state < 0) {
				return "column 4 (st): expected 2 hex digits";
			}
			int queueColon = colon(4);
			long sendQ = (queueColon < 0) ? -1 : hex(this.from[4], queueColon, 8);
			long recvQ = (queueColon < 0) ? -1 : hex(queueColon + 1, this.to[4], 8);
			if (sendQ < 0 || recvQ < 0) {
				return "column 5 (tx_queue:rx_queue): expected two 8-digit hex numbers";
			}
			int timerColon = colon(5);
			long timerCode = (timerColon < 0) ? -1 : hex(this.from[5], timerColon, 2);
			long timerTicks = (timerColon < 0) ? -1 : hex(timerColon + 1, this.to[5], 16);
			if (timerCode < 0 || timerTicks < 0) {
				return "column 6 (tr:tm->when): expected two hex numbers";
			}
			long retransmits = hex(this.from[6], this.to[6], 8);
			if (retransmits < 0) {
				return "column 7 (retrnsmt): expected a hex number";
			}
			long uid = decimal(this.from[7], this.to[7]);
			if (uid < 0 || uid > 0xffff_ffffL) {
				return "column 8 (uid): expected an unsigned 32-bit number";
			}
			// the "timeout" column is icsk_probes_out for TCP, 0 elsewhere
			boolean negative = this.data[this.from[8]] == '-';
			long probes = decimal(negative ? this.from[8] + 1 : this.from[8], this.to[8]);
			if (probes < 0) {
				return "column 9 (timeout): expected a number";
			}
			long inode = decimal(this.from[9], this.to[9]);
			if (inode < 0) {
				return "column 10 (inode): expected an unsigned number below 2^63";
			}
			SocketState socketState = this.protocol.tcp() ? SocketState.ofTcpCode((int) state)
					: SocketState.ofUdpCode((int) state);
			this.socket = new InetSocket(this.protocol, address(this.from[1]), (int) hex(localColon + 1, this.to[1], 4),
					address(this.from[2]), (int) hex(remoteColon + 1, this.to[2], 4), socketState, recvQ, sendQ, uid,
					inode, timer((int) timerCode, timerTicks, retransmits, negative ? 0 : probes));
			return null;
		}

		/**
		 * The pending timer: {@code tm->when} is in clock ticks of USER_HZ, which is 100
		 * on every architecture Linux runs containers on
		 * ({@code jiffies_delta_to_clock_t}).
		 */
		private static SocketTimer timer(int code, long ticks, long retransmits, long probes) {
			if (code == 0 && ticks == 0 && retransmits == 0 && probes == 0) {
				return SocketTimer.OFF;
			}
			return new SocketTimer(SocketTimer.Kind.of(code), ticks / (double) USER_HZ, retransmits, probes);
		}

		/** Finds the first {@link #COLUMNS} columns; returns how many there are. */
		private int split(int start, int end) {
			int columns = 0;
			int i = skipSpaces(this.data, start, end);
			while (i < end && columns < COLUMNS) {
				int columnEnd = i;
				while (columnEnd < end && this.data[columnEnd] != ' ' && this.data[columnEnd] != '\t') {
					columnEnd++;
				}
				this.from[columns] = i;
				this.to[columns] = columnEnd;
				columns++;
				i = skipSpaces(this.data, columnEnd, end);
			}
			return columns;
		}

		private boolean isSlot(int start, int end) {
			return end - start >= 2 && this.data[end - 1] == ':' && decimal(start, end - 1) >= 0;
		}

		/** The colon of an {@code ADDRESS:PORT} column of the right width, or -1. */
		private int endpointColon(int column) {
			int colon = this.from[column] + this.addressDigits;
			if (this.to[column] - this.from[column] != this.addressDigits + 5 || this.data[colon] != ':') {
				return -1;
			}
			for (int i = this.from[column]; i < this.to[column]; i++) {
				if (i != colon && ProcNumbers.hexDigit(this.data[i]) < 0) {
					return -1;
				}
			}
			return colon;
		}

		private int colon(int column) {
			for (int i = this.from[column]; i < this.to[column]; i++) {
				if (this.data[i] == ':') {
					return i;
				}
			}
			return -1;
		}

		/** An address whose hex digits start at {@code start}; the digits are checked. */
		private IpAddress address(int start) {
			if (!this.protocol.ipv6()) {
				return ProcAddresses.ipv4Word(word(start), this.byteOrder);
			}
			for (int i = 0; i < 4; i++) {
				this.words[i] = word(start + 8 * i);
			}
			return ProcAddresses.ipv6Words(this.words, this.byteOrder);
		}

		/** A 32-bit word as the kernel printed it ({@code %08X}). */
		private int word(int start) {
			return (int) ProcNumbers.hex(this.data, start, start + 8, 8);
		}

		private long hex(int start, int end, int maxDigits) {
			return ProcNumbers.hex(this.data, start, end, maxDigits);
		}

		private long decimal(int start, int end) {
			return ProcNumbers.decimal(this.data, start, end);
		}

	}

}
