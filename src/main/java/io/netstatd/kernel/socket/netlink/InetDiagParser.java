package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketMemory;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.kernel.socket.TcpInfo;
import io.netstatd.support.inet.IpAddress;

/**
 * Parses one buffer of a {@code SOCK_DIAG_BY_FAMILY} dump: netlink messages
 * ({@code struct nlmsghdr}, host byte order) each carrying a {@code struct inet_diag_msg}
 * ({@code include/uapi/linux/inet_diag.h}), whose ports and addresses are in network
 * order. A pure function over bytes, so that captured dumps test it anywhere.
 * <p>
 * Rows come out as procfs prints them, so that both sources give identical answers: a
 * listener's {@code idiag_wqueue} is its backlog, which {@code /proc/net/tcp} does not
 * show (it prints a tx_queue of 0), so it becomes 0.
 */
public final class InetDiagParser {

	static final int AF_INET = 2;

	static final int AF_INET6 = 10;

	/** {@code TCP_LISTEN} in {@code include/net/tcp_states.h}. */
	static final int TCP_LISTEN = 10;

	/** {@code struct inet_diag_msg}: 4 bytes, a 48-byte sockid, five u32. */
	static final int INET_DIAG_MSG = 72;

	/** {@code struct nlattr}: u16 length, u16 type. */
	static final int NLA_HEADER = 4;

	/** Attribute types of {@code include/uapi/linux/inet_diag.h}. */
	static final int INET_DIAG_INFO = 2;

	static final int INET_DIAG_CONG = 4;

	static final int INET_DIAG_SKMEMINFO = 7;

	static final int INET_DIAG_MARK = 15;

	static final int INET_DIAG_CGROUP_ID = 21;

	private InetDiagParser() {
	}

	/** What a buffer held besides sockets. */
	public enum Outcome {

		/** More buffers follow. */
		MORE,
		/** The dump is complete. */
		DONE

	}

	/**
	 * Parses the messages in the first {@code length} bytes of {@code buffer}.
	 * @param buffer the received bytes, from position 0
	 * @param length how many bytes were received
	 * @param protocol the table dumped (TCP or UDP, IPv4 or IPv6)
	 * @param sockets where the sockets go
	 * @return whether the dump is complete
	 * @throws NetlinkException when the kernel answered with an error, or a message is
	 * cut
	 */
	public static Outcome parse(ByteBuffer buffer, int length, Protocol protocol, List<InetSocket> sockets) {
		return parse(buffer, length, protocol, (Consumer<InetSocket>) sockets::add);
	}

	/**
	 * Parses the messages in the first {@code length} bytes of {@code buffer}, giving
	 * each socket to {@code sink} as it is parsed.
	 * @param buffer the received bytes, from position 0
	 * @param length how many bytes were received
	 * @param protocol the table dumped
	 * @param sink where each socket goes
	 * @return whether the dump is complete
	 * @throws NetlinkException when the kernel answered with an error, or a message is
	 * cut
	 */
	public static Outcome parse(ByteBuffer buffer, int length, Protocol protocol, Consumer<InetSocket> sink) {
		return NetlinkMessages.forEach(buffer, length, INET_DIAG_MSG,
				(data, payload, end) -> sink.accept(socket(data, payload, end, protocol)));
	}

	static InetSocket socket(ByteBuffer data, int m, int end, Protocol protocol) {
		int family = data.get(m) & 0xff;
		int stateCode = data.get(m + 1) & 0xff;
		SocketState state = protocol.tcp() ? SocketState.ofTcpCode(stateCode) : SocketState.ofUdpCode(stateCode);
		int localPort = be16(data, m + 4);
		int remotePort = be16(data, m + 6);
		IpAddress local = address(data, m + 8, family);
		IpAddress remote = address(data, m + 24, family);
		long recvQ = Integer.toUnsignedLong(data.getInt(m + 56));
		long sendQ = (state == SocketState.LISTEN) ? 0 : Integer.toUnsignedLong(data.getInt(m + 60));
		long uid = Integer.toUnsignedLong(data.getInt(m + 64));
		long inode = Integer.toUnsignedLong(data.getInt(m + 68));
		SocketTimer timer = timer(data.get(m + 2) & 0xff, data.get(m + 3) & 0xff,
				Integer.toUnsignedLong(data.getInt(m + 52)));
		// one row a socket, its details in it: made in the same step, not copied in after
		return new InetSocket(protocol, local, localPort, remote, remotePort, state, recvQ, sendQ, uid, inode, timer, 0,
				details(data, m, end));
	}

	/**
	 * The socket's cookie ({@code idiag_cookie}, in the sockid at 40) and the attributes
	 * after the message: {@code struct nlattr} (u16 length with its 4-byte header, u16
	 * type), each payload padded to 4 bytes (NLA_ALIGN). A TIME_WAIT or SYN_RECV row has
	 * no attributes; an attribute cut short ends the walk.
	 */
	static SockDiagDetails details(ByteBuffer data, int m, int end) {
		long cookie = SockDiagDetails.cookie(data.getInt(m + 44), data.getInt(m + 48));
		Long cgroup = null;
		Long mark = null;
		String congestion = null;
		int info = -1;
		int infoLength = 0;
		SocketMemory memory = null;
		int at = m + INET_DIAG_MSG;
		while (at + NLA_HEADER <= end) {
			int length = data.getShort(at) & 0xffff;
			int type = data.getShort(at + 2) & 0x3fff;
			if (length < NLA_HEADER || at + length > end) {
				break;
			}
			int payload = at + NLA_HEADER;
			int size = length - NLA_HEADER;
			switch (type) {
				case INET_DIAG_INFO -> {
					info = payload;
					infoLength = size;
				}
				case INET_DIAG_CONG -> congestion = string(data, payload, size);
				case INET_DIAG_SKMEMINFO -> memory = TcpInfoParser.memory(data, payload, size);
				case INET_DIAG_MARK -> mark = (size >= 4 && data.getInt(payload) != 0)
						? Integer.toUnsignedLong(data.getInt(payload)) : null;
				case INET_DIAG_CGROUP_ID -> cgroup = (size >= 8) ? data.getLong(payload) : null;
				default -> {
					// the others (shutdown, tos, protocol, ...) show nothing netstat or
					// ss -e shows
				}
			}
			at += (length + 3) & ~3;
		}
		TcpInfo tcpInfo = (info >= 0) ? TcpInfoParser.parse(data, info, infoLength, congestion) : null;
		// a listener's idiag_wqueue is its backlog (sk_max_ack_backlog), kept apart from
		// its Send-Q column
		Long backlog = ((data.get(m + 1) & 0xff) == TCP_LISTEN) ? Integer.toUnsignedLong(data.getInt(m + 60)) : null;
		return new SockDiagDetails(cookie, cgroup, mark, tcpInfo, memory, backlog);
	}

	/** A NUL-terminated name, ASCII. */
	private static String string(ByteBuffer data, int offset, int size) {
		StringBuilder name = new StringBuilder(size);
		for (int i = 0; i < size; i++) {
			byte b = data.get(offset + i);
			if (b == 0) {
				break;
			}
			name.append((char) (b & 0x7f));
		}
		return name.toString();
	}

	/**
	 * The timer as procfs shows it: {@code idiag_expires} is in milliseconds, and
	 * {@code idiag_retrans} holds the retransmissions for the retransmit timer but the
	 * probes for the keepalive and zero-window-probe timers ({@code inet_sk_diag_fill}).
	 */
	static SocketTimer timer(int code, int retrans, long expiresMillis) {
		SocketTimer.Kind kind = SocketTimer.Kind.of(code);
		if (kind == SocketTimer.Kind.OFF && retrans == 0 && expiresMillis == 0) {
			return SocketTimer.OFF;
		}
		boolean probing = kind == SocketTimer.Kind.KEEPALIVE || kind == SocketTimer.Kind.PROBE;
		// procfs prints clock ticks of 1/100 s: round the same way for identical answers
		double seconds = (expiresMillis / 10) / 100.0;
		return new SocketTimer(kind, seconds, probing ? 0 : retrans, probing ? retrans : 0);
	}

	private static IpAddress address(ByteBuffer data, int offset, int family) {
		if (family == AF_INET) {
			return IpAddress.ipv4((int) be32(data, offset));
		}
		return IpAddress.ipv6((be32(data, offset) << 32) | be32(data, offset + 4),
				(be32(data, offset + 8) << 32) | be32(data, offset + 12));
	}

	private static int be16(ByteBuffer data, int offset) {
		return ((data.get(offset) & 0xff) << 8) | (data.get(offset + 1) & 0xff);
	}

	private static long be32(ByteBuffer data, int offset) {
		return ((long) (data.get(offset) & 0xff) << 24) | ((data.get(offset + 1) & 0xff) << 16)
				| ((data.get(offset + 2) & 0xff) << 8) | (data.get(offset + 3) & 0xff);
	}

}
