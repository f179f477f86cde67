package io.netstatd.core.connections;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketOrder;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.live.streams.Streamed;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamSchema;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of the socket lists and their stream, declared once.
 */
final class SocketListSpecs {

	private static final String UNIX = "unix";

	/** {@code protocol}: the tables, netstat's {@code -t -u -w -U -x}. */
	static final Param<Set<String>> PROTOCOL = Param.of("protocol", ParamTypes.words((name) -> {
		String table = name.toLowerCase(Locale.ROOT);
		return (table.equals(UNIX) || Protocol.fromLabel(table) != null) ? List.of(table) : null;
	}, tableNames(true)), "tables, comma-separated: tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6, unix; "
			+ "tcp, tcp6, udp and udp6 when absent (netstat -antu)");

	/** {@code protocol} of a stream: no Unix sockets. */
	static final Param<Set<Protocol>> STREAM_PROTOCOL = SelectionParams.protocol(EnumSet.allOf(Protocol.class),
			"tables, comma-separated: tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6 (Unix sockets are not "
					+ "streamed); tcp, tcp6, udp and udp6 when absent");

	static final Param<Set<String>> SORT = Param.of("sort",
			ParamTypes.set((key) -> (SocketOrder.of(key) != null) ? List.of(key) : null,
					"one or more of " + String.join(", ", SocketOrder.keys())
							+ ", each with a leading - for descending, comma-separated",
					ParamSchema.string(null)),
			"columns to sort by, in any case, each with a leading - for descending, comma-separated: for example "
					+ "-recvQ (the most congested first) or state,localPort; or tcp_info fields (-rtt, "
					+ "-totalRetransmits, -bytesAcked, ...), which read them as info=true does, rows without them last");

	static final Param<Boolean> INFO = Param
		.of("info", ParamTypes.bool(),
				"add tcpInfo to each TCP row (ss -ti): round-trip time, congestion window, retransmissions, bytes "
						+ "moved, rates; from the kernel's sock_diag, so not for another namespace or a procfs source")
		.defaultsTo("false");

	static final Param<Boolean> STREAM_INFO = Param
		.of("info", ParamTypes.bool(),
				"add its final tcpInfo to each TCP socket the kernel announces destroyed (closed events with source "
						+ "kernel); snapshots' rows carry none, as every row's counters change at every look")
		.defaultsTo("false");

	static final Param<Boolean> MEMORY = Param
		.of("memory", ParamTypes.bool(),
				"add memory to each row (ss -m): the socket's buffers and their use; from sock_diag, as info")
		.defaultsTo("false");

	static final Param<Integer> LIMIT = Param.of("limit", ParamTypes.integer(0, 1_000_000),
			"list at most this many sockets, after sorting; total says how many matched, and 0 lists none");

	static final Param<Boolean> PROCESSES = Param.of("processes", ParamTypes.bool(),
			"add the processes holding each socket, Unix sockets too (netstat -p, ss -xp), which walks every process");

	static final Param<Boolean> RESOLVE = Param
		.of("resolve", ParamTypes.bool(),
				"add host names (reverse DNS, within one deadline per request) and service names of both ends, as "
						+ "netstat without -n")
		.defaultsTo("false");

	static final Param<Set<Integer>> PID = Param.of("pid", ParamTypes.integers(1, Integer.MAX_VALUE),
			"only sockets held by these process ids, comma-separated (walks every process, as processes=true)");

	static final Param<Set<String>> PROGRAM = Param.of("program", ParamTypes.names("process names"),
			"only sockets held by processes of these names, exactly as the processes field shows them, "
					+ "comma-separated (walks every process, as processes=true)");

	static final Param<Set<String>> POD = Param.of("pod",
			ParamTypes.set((item) -> item.matches("[a-z0-9][-a-z0-9]*/[a-z0-9][-.a-z0-9]*") ? List.of(item) : null,
					"pods as namespace/name, comma-separated", ParamSchema.string(null)),
			"only sockets of these pods, namespace/name, comma-separated: by the socket's cgroup (sock_diag), and "
					+ "with processes=true by its owners' cgroups");

	static final Param<Set<String>> POD_NAMESPACE = Param.of("podNamespace",
			ParamTypes.set((item) -> item.matches("[a-z0-9][-a-z0-9]*") ? List.of(item) : null,
					"Kubernetes namespaces, comma-separated", ParamSchema.string(null)),
			"only sockets of pods in these Kubernetes namespaces, comma-separated");

	private static final List<Param<?>> SELECTION = List.of(SelectionParams.FAMILY, SelectionParams.STATE,
			SelectionParams.PORT, SelectionParams.LOCAL_PORT, SelectionParams.REMOTE_PORT,
			SelectionParams.LOCAL_ADDRESS, SelectionParams.REMOTE_ADDRESS, NamespaceChoice.PARAM);

	private SocketListSpecs() {
	}

	private static List<Param<?>> list(Param<Boolean> processes) {
		return QuerySpec.join(List.of(PROTOCOL), QuerySpec.join(SELECTION, List.of(SORT, LIMIT, processes, RESOLVE,
				INFO, MEMORY, PID, PROGRAM, POD, POD_NAMESPACE, Format.PARAM)));
	}

	private static SocketListQuery listQuery(Arguments arguments, boolean listening) {
		Set<String> tables = arguments.get(PROTOCOL);
		boolean unix = tables.contains(UNIX) && arguments.get(SelectionParams.FAMILY) == null;
		NamespaceChoice netns = NamespaceChoice.of(arguments);
		if (unix && netns != NamespaceChoice.OWN) {
			throw new InvalidParameterException("netns",
					"Unix sockets are listed for the service's own network namespace only: leave out netns, or "
							+ "protocol=unix.",
					"no netns with protocol=unix");
		}
		Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
		tables.stream().map(Protocol::fromLabel).filter((protocol) -> protocol != null).forEach(protocols::add);
		SocketSelection selection = SelectionParams.select(arguments,
				(tables.isEmpty()) ? Protocol.TCP_AND_UDP : protocols);
		Set<SocketDetail> details = details(arguments);
		if (!details.isEmpty() && netns != NamespaceChoice.OWN) {
			// other namespaces are read through /proc/<pid>/net, which has no tcp_info
			throw details.iterator().next().unavailable("another network namespace");
		}
		return new SocketListQuery(listening ? selection.listening() : selection, unix, netns,
				SocketOrder.of(List.copyOf(arguments.get(SORT))), arguments.get(LIMIT), arguments.get(PROCESSES),
				arguments.get(RESOLVE), details, arguments.get(PID), arguments.get(PROGRAM), arguments.get(POD),
				arguments.get(POD_NAMESPACE));
	}

	/** info=true, or a sort by a tcp_info field; memory=true. */
	private static Set<SocketDetail> details(Arguments arguments) {
		Set<SocketDetail> details = EnumSet.noneOf(SocketDetail.class);
		if (arguments.get(INFO) || SocketOrder.needsInfo(arguments.get(SORT))) {
			details.add(SocketDetail.INFO);
		}
		if (arguments.get(MEMORY)) {
			details.add(SocketDetail.MEMORY);
		}
		return details;
	}

	private static Set<Protocol> orDefault(Set<Protocol> asked) {
		return asked.isEmpty() ? Protocol.TCP_AND_UDP : asked;
	}

	private static List<String> tableNames(boolean withUnix) {
		Set<String> names = new LinkedHashSet<>();
		for (Protocol protocol : Protocol.values()) {
			names.add(protocol.label());
		}
		if (withUnix) {
			names.add(UNIX);
		}
		return List.copyOf(names);
	}

	/** {@code /connections}: every socket, owners only when asked. */
	static final class Connections extends QuerySpec<SocketListQuery> {

		Connections() {
			super(list(PROCESSES.defaultsTo("false")), (arguments) -> listQuery(arguments, false));
		}

	}

	/** {@code /listening}: listeners, owners by default ({@code ss -tlnp}). */
	static final class Listening extends QuerySpec<SocketListQuery> {

		Listening() {
			super(list(PROCESSES.defaultsTo("true")), (arguments) -> listQuery(arguments, true));
		}

	}

	/** {@code /connections/stream}: the selection, and how often. */
	static final class Stream extends QuerySpec<Streamed<StreamQuery>> {

		Stream() {
			super(QuerySpec.join(List.of(STREAM_PROTOCOL), QuerySpec.join(SELECTION, List.of(Streamed.INTERVAL,
					STREAM_INFO))), (
							arguments) -> new Streamed<>(
									new StreamQuery(new SocketQuery(
											SelectionParams.select(arguments,
													orDefault(arguments.get(STREAM_PROTOCOL))),
											NamespaceChoice.of(arguments)), arguments.get(STREAM_INFO)),
									arguments.get(Streamed.INTERVAL)));
		}

	}

}
