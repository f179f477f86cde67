package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.UnixSocket;

/**
 * One {@code NETLINK_SOCK_DIAG} dump, as {@code ss} does it: a {@code struct
 * inet_diag_req_v2} with the kernel's state filter, answered by as many buffers of
 * {@code struct inet_diag_msg} as there are sockets.
 */
final class SockDiag {

	private static final int IPPROTO_TCP = 6;

	private static final int IPPROTO_UDP = 17;

	private static final short NLM_F_REQUEST = 0x1;

	private static final short NLM_F_DUMP = 0x300;

	/** nlmsghdr (16) + inet_diag_req_v2 (8 + a 48-byte sockid). */
	private static final int REQUEST_LENGTH = 72;

	/**
	 * nlmsghdr (16) + unix_diag_req (family, protocol, pad, states, ino, show,
	 * cookie[2]).
	 */
	private static final int UNIX_REQUEST_LENGTH = 40;

	private static final int AF_UNIX = 1;

	private static final int UDIAG_SHOW_NAME = 0x1;

	static final int BUFFER = 64 * 1024;

	private static final long TIMEOUT_SECONDS = 10;

	private static final AtomicInteger sequence = new AtomicInteger();

	private static final ThreadLocal<ByteBuffer> buffers = ThreadLocal
		.withInitial(() -> ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.nativeOrder()));

	private SockDiag() {
	}

	/**
	 * Dumps the sockets of {@code protocol} in the states of {@code stateMask} (bit n for
	 * kernel state code n) to {@code sockets}, each as it is parsed, with the attributes
	 * of {@code extensions} ({@code idiag_ext}).
	 */
	static void dump(Protocol protocol, int stateMask, int extensions, byte[] bytecode, Consumer<InetSocket> sockets) {
		dump(protocol, stateMask, extensions, bytecode, null, sockets);
	}

	/**
	 * {@link #dump(Protocol, int, int, byte[], Consumer)}, the buffers received ahead of
	 * the parser ({@link ReadAhead}) on a thread of {@code ahead} when one is free.
	 * @param ahead the receivers, or null to receive in line
	 */
	static void dump(Protocol protocol, int stateMask, int extensions, byte[] bytecode, Executor ahead,
			Consumer<InetSocket> sockets) {
		// the filter, when there is one, follows as an attribute (a multiple of 4 bytes)
		int attribute = (bytecode != null) ? 4 + bytecode.length : 0;
		ByteBuffer request = ByteBuffer.allocateDirect(REQUEST_LENGTH + attribute).order(ByteOrder.nativeOrder());
		request.putInt(REQUEST_LENGTH + attribute)
			.putShort((short) NetlinkMessages.SOCK_DIAG_BY_FAMILY)
			.putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
			.putInt(sequence.incrementAndGet())
			.putInt(0)
			.put((byte) (protocol.ipv6() ? InetDiagParser.AF_INET6 : InetDiagParser.AF_INET))
			.put((byte) (protocol.tcp() ? IPPROTO_TCP : IPPROTO_UDP))
			// idiag_ext: the attributes asked for (tcp_info, congestion, memory)
			.put((byte) extensions)
			.put((byte) 0)
			.putInt(stateMask);
		// the 48-byte sockid stays zero: no filter on addresses, ports or cookie
		request.position(REQUEST_LENGTH);
		if (bytecode != null) {
			request.putShort((short) attribute).putShort((short) PortBytecode.ATTRIBUTE).put(bytecode);
		}
		exchange(request, ahead, (buffer, received) -> InetDiagParser.parse(buffer, received, protocol, sockets));
	}

	/** {@code INET_DIAG_NOCOOKIE}: a lookup by addresses and ports alone. */
	private static final int NO_COOKIE = 0xffffffff;

	private static final int ENOENT = 2;

	/**
	 * The state of one TCP socket, found by its addresses and ports (not a dump: the
	 * kernel's own hash lookup, {@code inet_diag_find_one_icsk}).
	 * @param ipv6 whether to look in the IPv6 table
	 * @param local the local address, 4 or 16 bytes, network order
	 * @param localPort the local port
	 * @param remote the remote address
	 * @param remotePort the remote port
	 * @return the kernel's state code ({@code idiag_state}), or -1 when there is no such
	 * socket
	 */
	static int tcpState(boolean ipv6, byte[] local, int localPort, byte[] remote, int remotePort) {
		ByteBuffer request = ByteBuffer.allocateDirect(REQUEST_LENGTH).order(ByteOrder.nativeOrder());
		request.putInt(REQUEST_LENGTH)
			.putShort((short) NetlinkMessages.SOCK_DIAG_BY_FAMILY)
			.putShort(NLM_F_REQUEST)
			.putInt(sequence.incrementAndGet())
			.putInt(0)
			.put((byte) (ipv6 ? InetDiagParser.AF_INET6 : InetDiagParser.AF_INET))
			.put((byte) IPPROTO_TCP)
			.put((byte) 0)
			.put((byte) 0)
			.putInt(-1);
		// struct inet_diag_sockid: ports and addresses in network order
		request.order(ByteOrder.BIG_ENDIAN).putShort((short) localPort).putShort((short) remotePort);
		request.put(local).position(request.position() + 16 - local.length);
		request.put(remote).position(request.position() + 16 - remote.length);
		request.order(ByteOrder.nativeOrder()).putInt(0).putInt(NO_COOKIE).putInt(NO_COOKIE);
		int[] state = { -1 };
		try {
			// not a dump: one message, or NLMSG_ERROR, and no NLMSG_DONE after it
			exchange(request, (buffer, received) -> {
				NetlinkMessages.forEach(buffer, received, 2, (data, payload, end) -> state[0] = data.get(payload + 1));
				return InetDiagParser.Outcome.DONE;
			});
		}
		catch (NetlinkException ex) {
			if (ex.errno() != ENOENT) {
				throw ex;
			}
		}
		return state[0];
	}

	private static void exchange(ByteBuffer request, Parser parser) {
		exchange(request, null, parser);
	}

	/**
	 * Sends {@code request} and hands each buffer of the answer to {@code parser} until
	 * done; received ahead of it on a thread of {@code ahead} when one is free.
	 */
	private static void exchange(ByteBuffer request, Executor ahead, Parser parser) {
		int fd = open();
		try {
			byte[] kernel = new byte[12];
			// struct sockaddr_nl: nl_family in host order, then pad, nl_pid 0 (the
			// kernel), groups 0
			ByteBuffer.wrap(kernel).order(ByteOrder.nativeOrder()).putShort((short) LibC.AF_NETLINK);
			LibC.sendto(fd, request.clear(), new NativeLong(request.capacity()), 0, kernel, kernel.length);
			if (ahead != null && ReadAhead.receive(fd, parser, ahead)) {
				return;
			}
			ByteBuffer buffer = buffers.get();
			InetDiagParser.Outcome outcome = InetDiagParser.Outcome.MORE;
			while (outcome == InetDiagParser.Outcome.MORE) {
				buffer.clear();
				int received = LibC.recv(fd, buffer, new NativeLong(BUFFER), 0).intValue();
				if (received <= 0) {
					throw new NetlinkException("sock_diag dump ended without NLMSG_DONE");
				}
				outcome = parser.parse(buffer, received);
			}
		}
		catch (LastErrorException ex) {
			throw new NetlinkException("sock_diag failed: errno " + ex.getErrorCode(), ex);
		}
		finally {
			LibC.close(fd);
		}
	}

	/** Whether sock_diag dumps this table here: TCP and UDP, IPv4 and IPv6. */
	static boolean dumps(Protocol protocol) {
		return Protocol.TCP_AND_UDP.contains(protocol);
	}

	/**
	 * Dumps every Unix domain socket with its name ({@code struct unix_diag_req},
	 * {@code UDIAG_SHOW_NAME}) into {@code sockets}.
	 */
	static void dumpUnix(List<UnixSocket> sockets) {
		ByteBuffer request = ByteBuffer.allocateDirect(UNIX_REQUEST_LENGTH).order(ByteOrder.nativeOrder());
		request.putInt(UNIX_REQUEST_LENGTH)
			.putShort((short) NetlinkMessages.SOCK_DIAG_BY_FAMILY)
			.putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
			.putInt(sequence.incrementAndGet())
			.putInt(0)
			.put((byte) AF_UNIX)
			.put((byte) 0)
			.putShort((short) 0)
			.putInt(0xffffffff)
			.putInt(0)
			.putInt(UDIAG_SHOW_NAME);
		exchange(request, (buffer, received) -> UnixDiagParser.parse(buffer, received, sockets));
	}

	/** Opens and closes a sock_diag socket: whether this process may use netlink here. */
	static void probe() {
		LibC.close(open());
	}

	private static int open() {
		try {
			int fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_SOCK_DIAG);
			LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, new long[] { TIMEOUT_SECONDS, 0 }, 16);
			return fd;
		}
		catch (LastErrorException | UnsatisfiedLinkError | NoClassDefFoundError ex) {
			throw new NetlinkException("cannot open a NETLINK_SOCK_DIAG socket: " + ex.getMessage(), ex);
		}
	}

	/** Parses one received buffer. */
	interface Parser {

		InetDiagParser.Outcome parse(ByteBuffer buffer, int received);

	}

}
