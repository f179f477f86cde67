package io.netstatd.kernel.socket.netlink;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.socket.ConnectionStatus;
import io.netstatd.kernel.socket.DumpInterruptedException;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.PortFilter;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sockets of this process's network namespace through {@code NETLINK_SOCK_DIAG}, as
 * {@code ss} and node_exporter read them: binary rows, no text to format or parse, and
 * the kernel leaves out the states not asked for, so listeners cost what {@code ss -ltn}
 * costs. A table the kernel will not dump here (udp_diag not loaded, IPv6 off) is read
 * from {@code fallback} instead.
 */
public class NetlinkSocketSource implements SocketSource {

	private static final Logger log = LoggerFactory.getLogger(NetlinkSocketSource.class);

	/**
	 * Bits 1 to 11: every TCP state /proc/net/tcp lists (SYN_RECV brings NEW_SYN_RECV).
	 */
	private static final int ALL_TCP_STATES = 0xffe;

	private static final int ALL_STATES = 0xffffffff;

	private final SocketSource fallback;

	/** The kernel's {@code TCP_ESTABLISHED}. */
	private static final int TCP_ESTABLISHED = 1;

	private final Set<String> failed = ConcurrentHashMap.newKeySet();

	/** Where dumps are received ahead of the sink that writes them. */
	private final Executor dumps;

	/**
	 * Sockets read through sock_diag, the tables it cannot dump from {@code fallback}.
	 * @param fallback procfs
	 * @param dumps the receivers of dumps read ahead ({@code dumps} pool)
	 * @throws NetlinkException when sock_diag cannot be had here
	 */
	public NetlinkSocketSource(SocketSource fallback, Executor dumps) {
		SockDiag.probe();
		this.fallback = fallback;
		this.dumps = dumps;
	}

	@Override
	public Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states) {
		return read(protocols, states, Set.of());
	}

	/**
	 * A table read from procfs instead (no sock_diag for it here) has no details: its
	 * rows come without them.
	 */
	@Override
	public Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details) {
		return read(protocols, states, details, PortFilter.NONE);
	}

	/**
	 * The ports go to the kernel as a bytecode filter ({@link PortBytecode}), so only
	 * their sockets are formatted and sent.
	 */
	@Override
	public Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details,
			PortFilter ports) {
		byte[] bytecode = PortBytecode.of(ports);
		int extensions = extensions(details);
		return SocketSource.eachTable(protocols, (protocol) -> read(protocol, states, extensions, bytecode));
	}

	/** The {@code idiag_ext} bits of the details asked for. */
	private static int extensions(Set<SocketDetail> details) {
		int extensions = 0;
		for (SocketDetail detail : details) {
			extensions |= detail.extensions();
		}
		return extensions;
	}

	private Parsed<InetSocket> read(Protocol protocol, Set<SocketState> states, int extensions, byte[] bytecode) {
		if (!SockDiag.dumps(protocol)) {
			return this.fallback.read(EnumSet.of(protocol), states);
		}
		// a dump of its own: one that fails half way leaves nothing to mix with procfs
		// rows
		List<InetSocket> sockets = new ArrayList<>();
		try {
			SockDiag.dump(protocol, stateMask(protocol, states), extensions, bytecode, sockets::add);
			return new Parsed<>(sockets, Skipped.NONE);
		}
		catch (NetlinkException ex) {
			warnOnce(protocol.label(), ex);
			return this.fallback.read(EnumSet.of(protocol), states);
		}
	}

	/**
	 * Each socket goes to {@code sink} as its message is parsed, from the buffer the
	 * kernel filled: no row is kept. A table sock_diag cannot dump, or whose dump fails
	 * before its first socket, is read from procfs; one that fails after it cannot be
	 * mixed with procfs rows, and says so ({@link DumpInterruptedException}).
	 */
	@Override
	public Skipped each(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details, PortFilter ports,
			Consumer<InetSocket> sink) {
		return each(protocols, states, details, ports, false, sink);
	}

	/** The buffers of each dump received ahead of the sink ({@link ReadAhead}). */
	@Override
	public Skipped eachAhead(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details,
			PortFilter ports, Consumer<InetSocket> sink) {
		return each(protocols, states, details, ports, true, sink);
	}

	private Skipped each(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details, PortFilter ports,
			boolean ahead, Consumer<InetSocket> sink) {
		byte[] bytecode = PortBytecode.of(ports);
		int extensions = extensions(details);
		Skipped skipped = Skipped.NONE;
		for (Protocol protocol : Protocol.values()) {
			if (protocols.contains(protocol)) {
				skipped = skipped.and(each(protocol, states, extensions, bytecode, ahead, sink));
			}
		}
		return skipped;
	}

	private Skipped each(Protocol protocol, Set<SocketState> states, int extensions, byte[] bytecode, boolean ahead,
			Consumer<InetSocket> sink) {
		if (SockDiag.dumps(protocol)) {
			int[] given = new int[1];
			try {
				SockDiag.dump(protocol, stateMask(protocol, states), extensions, bytecode, ahead ? this.dumps : null,
						(socket) -> {
							given[0]++;
							sink.accept(socket);
						});
				return Skipped.NONE;
			}
			catch (NetlinkException ex) {
				warnOnce(protocol.label(), ex);
				if (given[0] > 0) {
					throw new DumpInterruptedException(protocol, ex);
				}
			}
		}
		Parsed<InetSocket> table = this.fallback.read(EnumSet.of(protocol), states);
		table.rows().forEach(sink);
		return table.skipped();
	}

	/**
	 * Tables sock_diag dumps, and has not failed to: binary messages, no line to skip. A
	 * first failure, under way, reads that table from procfs; its lines skipped are then
	 * counted and logged, and the next read asks procfs, which may skip lines.
	 */
	@Override
	public boolean skipsNoLines(Set<Protocol> protocols) {
		for (Protocol protocol : protocols) {
			if (!SockDiag.dumps(protocol) || this.failed.contains(protocol.label())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The Unix domain sockets sock_diag lists, with procfs's reference counts; procfs
	 * alone where sock_diag has no unix_diag.
	 */
	@Override
	public Parsed<UnixSocket> readUnix() {
		Parsed<UnixSocket> procfs = this.fallback.readUnix();
		List<UnixSocket> sockets = new ArrayList<>();
		try {
			SockDiag.dumpUnix(sockets);
		}
		catch (NetlinkException ex) {
			warnOnce("unix", ex);
			return procfs;
		}
		return UnixReconciler.reconcile(sockets, procfs, "/proc/net/unix");
	}

	@Override
	public String name() {
		return "netlink";
	}

	/**
	 * Looks the socket up in the table of its family, and for IPv4 addresses also in
	 * IPv6's, as mapped addresses: a dual-stack listener's connections from IPv4 peers.
	 */
	@Override
	public ConnectionStatus status(IpAddress local, int localPort, IpAddress remote, int remotePort) {
		try {
			int state = SockDiag.tcpState(!local.ipv4(), local.bytes(), localPort, remote.bytes(), remotePort);
			if (state < 0 && local.ipv4()) {
				state = SockDiag.tcpState(true, mapped(local), localPort, mapped(remote), remotePort);
			}
			if (state < 0) {
				return ConnectionStatus.ABSENT;
			}
			return (state == TCP_ESTABLISHED) ? ConnectionStatus.ESTABLISHED : ConnectionStatus.CLOSING;
		}
		catch (NetlinkException ex) {
			warnOnce("lookup", ex);
			return ConnectionStatus.UNKNOWN;
		}
	}

	private static byte[] mapped(IpAddress ipv4) {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(ipv4.bytes(), 0, mapped, 12, 4);
		return mapped;
	}

	/** The kernel's state filter: bit n for state code n. */
	static int stateMask(Protocol protocol, Set<SocketState> states) {
		if (!protocol.tcp() || states.isEmpty() || states.contains(SocketState.UNKNOWN)) {
			return protocol.tcp() ? ALL_TCP_STATES : ALL_STATES;
		}
		int mask = 0;
		for (SocketState state : states) {
			int code = state.tcpCode();
			if (code > 0) {
				mask |= 1 << code;
			}
		}
		return mask;
	}

	private void warnOnce(String table, NetlinkException ex) {
		if (this.failed.add(table)) {
			log.warn("netlink cannot dump {} ({}); reading it from procfs instead", table, ex.getMessage());
		}
	}

}
