package io.netstatd.core.connections;

import java.util.EnumSet;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.process.PidSet;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SortKeys;
import io.netstatd.kernel.socket.StateSet;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.Family;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.NameSet;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a socket list asks ({@code /connections}, {@code /listening}), bound from its
 * query string: ss's selection and netstat's flags.
 *
 * @param protocol tables, comma-separated: tcp, tcp6, udp, udp6, udplite, udplite6, raw,
 * raw6, unix; tcp, tcp6, udp and udp6 when absent (netstat -antu)
 * @param family inet (IPv4, netstat -4) or inet6 (IPv6, netstat -6); both when absent
 * @param state states, comma-separated, in any case: netstat's names (TIME_WAIT; UNCONN
 * is a UDP socket with no peer), ss's (time-wait, ESTAB, fin-wait-1, closed, listening)
 * and ss's groups all, connected, synchronized, bucket, big; for example connected, or
 * TIME_WAIT,CLOSE_WAIT
 * @param port ports on either side, and ranges of them, comma-separated: for example 443,
 * 80,443 or 1024-65535
 * @param localPort local ports and ranges of them, comma-separated, as ss's sport
 * @param remotePort remote ports and ranges of them, comma-separated, as ss's dport
 * @param localAddress local addresses and CIDR blocks, comma-separated: for example
 * 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32
 * @param remoteAddress remote addresses and CIDR blocks, comma-separated; an IPv4 block
 * matches IPv4-mapped peers too: for example 10.0.0.0/8
 * @param netns the network namespace to read: a process id (the one that process lives
 * in, as nsenter -t &lt;pid&gt; -n), or all (every namespace, each socket tagged with its
 * netns); the service's own when absent
 * @param sort columns to sort by, in any case, each with a leading - for descending,
 * comma-separated: for example -recvQ (the most congested first) or state,localPort; or
 * tcp_info fields (-rtt, -totalRetransmits, -bytesAcked, ...), which read them as
 * info=true does, rows without them last
 * @param limit list at most this many sockets, after sorting; total says how many
 * matched, and 0 lists none
 * @param processes add the processes holding each socket, Unix sockets too (netstat -p,
 * ss -xp), which walks every process
 * @param resolve add host names (reverse DNS, within one deadline per request) and
 * service names of both ends, as netstat without -n
 * @param info add tcpInfo to each TCP row (ss -ti): round-trip time, congestion window,
 * retransmissions, bytes moved, rates; from the kernel's sock_diag, so not for another
 * namespace or a procfs source
 * @param memory add memory to each row (ss -m): the socket's buffers and their use; from
 * sock_diag, as info
 * @param pid only sockets held by these process ids, comma-separated (walks every
 * process, as processes=true)
 * @param program only sockets held by processes of these names, exactly as the processes
 * field shows them, comma-separated (walks every process, as processes=true)
 * @param pod only sockets of these pods, namespace/name, comma-separated: by the socket's
 * cgroup (sock_diag), and with processes=true by its owners' cgroups
 * @param podNamespace only sockets of pods in these Kubernetes namespaces,
 * comma-separated
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record ConnectionsQuery(Tables protocol, Family family, StateSet state, PortSet port, PortSet localPort,
		PortSet remotePort, AddressSet localAddress, AddressSet remoteAddress, NamespaceChoice netns, SortKeys sort,
		@Schema(minimum = "0", maximum = "1000000") Integer limit, @Schema(defaultValue = "false") Boolean processes,
		@Schema(defaultValue = "false") Boolean resolve, @Schema(defaultValue = "false") Boolean info,
		@Schema(defaultValue = "false") Boolean memory, PidSet pid, NameSet program, NameSet pod, NameSet podNamespace,
		Format format) implements Formatted {

	private static final String POD = "[a-z0-9][-a-z0-9]*/[a-z0-9][-.a-z0-9]*";

	private static final String POD_NAMESPACE = "[a-z0-9][-a-z0-9]*";

	/**
	 * The list asked.
	 * @param listening {@code /listening}: listeners only, owners unless
	 * {@code processes=false}
	 * @return the query
	 */
	SocketListQuery list(boolean listening) {
		boolean unix = this.protocol != null && this.protocol.unix() && this.family == null;
		NamespaceChoice chosen = NamespaceChoice.orOwn(this.netns);
		if (unix && chosen != NamespaceChoice.OWN) {
			throw new InvalidParameterException("netns",
					"Unix sockets are listed for the service's own network namespace only: leave out netns, or "
							+ "protocol=unix.",
					"no netns with protocol=unix");
		}
		Set<SocketDetail> details = details();
		if (!details.isEmpty() && chosen != NamespaceChoice.OWN) {
			// other namespaces are read through /proc/<pid>/net, which has no tcp_info
			throw details.iterator().next().unavailable("another network namespace");
		}
		SocketSelection selection = SocketSelection.of(tables())
			.inStates(StateSet.of(this.state))
			.withPorts(this.port, this.localPort, this.remotePort)
			.withAddresses(this.localAddress, this.remoteAddress);
		SortKeys keys = (this.sort != null) ? this.sort : SortKeys.NONE;
		return new SocketListQuery(listening ? selection.listening() : selection, unix, chosen, keys.order(),
				this.limit, (this.processes != null) ? this.processes : listening, is(this.resolve), details,
				PidSet.of(this.pid), NameSet.of(this.program),
				(this.pod != null) ? this.pod.matching("pod", POD, "pods as namespace/name, comma-separated")
						: Set.of(),
				(this.podNamespace != null) ? this.podNamespace.matching("podNamespace", POD_NAMESPACE,
						"Kubernetes namespaces, comma-separated") : Set.of());
	}

	/** The inet tables: those named (none for unix alone), narrowed to the family. */
	private Set<Protocol> tables() {
		Set<Protocol> tables = EnumSet.copyOf(Protocol.TCP_AND_UDP);
		if (this.protocol != null) {
			tables = this.protocol.protocols().isEmpty() ? EnumSet.noneOf(Protocol.class)
					: EnumSet.copyOf(this.protocol.protocols());
		}
		if (this.family != null) {
			tables.removeIf((table) -> table.ipv6() != (this.family == Family.INET6));
		}
		return tables;
	}

	/** info=true, or a sort by a tcp_info field; memory=true. */
	private Set<SocketDetail> details() {
		Set<SocketDetail> details = EnumSet.noneOf(SocketDetail.class);
		if (is(this.info) || (this.sort != null && this.sort.needsInfo())) {
			details.add(SocketDetail.INFO);
		}
		if (is(this.memory)) {
			details.add(SocketDetail.MEMORY);
		}
		return details;
	}

	private static boolean is(Boolean flag) {
		return flag != null && flag;
	}

}
