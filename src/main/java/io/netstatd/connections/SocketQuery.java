package io.netstatd.connections;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.SocketFilter;
import io.netstatd.web.InvalidParameterException;
import io.netstatd.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters of {@code /connections}: netstat's flags and ss's selection, as
 * the caller typed them; {@link #filter()} and friends read them strictly.
 *
 * @param protocol the tables, comma-separated
 * @param family inet or inet6
 * @param state states and state groups, comma-separated
 * @param port a port or range on either side
 * @param localPort a local port or range
 * @param remotePort a remote port or range
 * @param localAddress a local address or CIDR block
 * @param remoteAddress a remote address or CIDR block
 * @param sort columns to sort by
 * @param limit how many rows at most
 * @param processes whether to add the owning processes
 * @param resolve whether to add host and service names
 * @param pid only sockets these processes hold
 * @param program only sockets processes of these names hold
 * @param format json, table or csv, read by content negotiation before the handler runs
 */
record SocketQuery(
		@Parameter(
				description = "tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6, comma-separated; "
						+ "tcp, tcp6, udp and udp6 when absent (netstat -antu)",
				schema = @Schema(type = "string", example = "tcp,tcp6")) String protocol,
		@Parameter(description = "inet (IPv4, netstat -4) or inet6 (IPv6, netstat -6)",
				schema = @Schema(type = "string", allowableValues = {
						"inet", "inet6" })) String family,
		@Parameter(description = "netstat state names (case-insensitive; ss's time-wait spelling too; UNCONN is "
				+ "a socket with no peer) and ss's groups all, connected, synchronized, bucket, big; comma-separated",
				schema = @Schema(type = "string", example = "connected")) String state,
		@Parameter(description = "a port, or a range such as 1024-65535, on either side",
				schema = @Schema(type = "string", pattern = "^[0-9]{1,5}(-[0-9]{1,5})?$", example = "80")) String port,
		@Parameter(description = "the local port, or a range",
				schema = @Schema(type = "string", pattern = "^[0-9]{1,5}(-[0-9]{1,5})?$")) String localPort,
		@Parameter(description = "the remote port, or a range",
				schema = @Schema(type = "string", pattern = "^[0-9]{1,5}(-[0-9]{1,5})?$")) String remotePort,
		@Parameter(description = "the local address, or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32",
				schema = @Schema(type = "string", example = "127.0.0.1")) String localAddress,
		@Parameter(description = "the remote address, or a CIDR block; an IPv4 block matches IPv4-mapped peers too",
				schema = @Schema(type = "string", example = "10.0.0.0/8")) String remoteAddress,
		@Parameter(description = "columns to sort by, each with a leading - for descending, comma-separated: "
				+ "protocol, localAddress, localPort, remoteAddress, remotePort, state, recvQ, sendQ, uid, inode",
				schema = @Schema(type = "string", example = "-recvQ")) String sort,
		@Parameter(description = "list at most this many sockets (after sorting); total says how many matched",
				schema = @Schema(type = "integer", minimum = "1", maximum = "1000000")) String limit,
		@Parameter(
				description = "add the processes holding each socket (netstat -p), which walks every process; "
						+ "false by default on /connections, true on /listening (ss -tlnp)",
				schema = @Schema(type = "boolean")) String processes,
		@Parameter(
				description = "add host names (reverse DNS, within one deadline per request) and service "
						+ "names of both ends, as netstat without -n; false by default",
				schema = @Schema(type = "boolean")) String resolve,
		@Parameter(description = "only sockets held by these process ids, comma-separated (implies processes)",
				schema = @Schema(type = "string", example = "1234")) String pid,
		@Parameter(
				description = "only sockets held by processes of these names, exactly as the processes "
						+ "field shows them, comma-separated (implies processes)",
				schema = @Schema(type = "string", example = "nginx")) String program,
		@Parameter(
				description = "json (the default), table (the text netstat prints; as Accept: text/plain) "
						+ "or csv (as Accept: text/csv)",
				schema = @Schema(type = "string", allowableValues = { "json", "table", "csv" })) String format,
		@Parameter(
				description = "the network namespace to read: a process id (the namespace that process lives in, "
						+ "as nsenter -t <pid> -n), or all (every namespace, each socket tagged with its netns); the "
						+ "service's own when absent",
				schema = @Schema(type = "string", example = "all")) String netns){

	private static final String UNIX = "unix";

	private static final String STREAM_FILTERS = "protocol, family, state, port, localPort, remotePort, "
			+ "localAddress, remoteAddress, netns, interval";

	private static final Set<String> TABLES = tables();

	SocketFilter filter(boolean listeningOnly) {
		return new SocketFilter(protocols(), QueryParameters.states("state", this.state),
				QueryParameters.portRange("port", this.port), QueryParameters.portRange("localPort", this.localPort),
				QueryParameters.portRange("remotePort", this.remotePort),
				QueryParameters.addressRange("localAddress", this.localAddress),
				QueryParameters.addressRange("remoteAddress", this.remoteAddress), listeningOnly);
	}

	/**
	 * For a stream, which sends changes of rows rather than lists: only the filters.
	 * @throws InvalidParameterException naming the first parameter that is not one
	 */
	void requireOnlyFilters() {
		String[][] notFilters = { { "sort", this.sort }, { "limit", this.limit }, { "processes", this.processes },
				{ "resolve", this.resolve }, { "pid", this.pid }, { "program", this.program },
				{ "format", this.format } };
		for (String[] parameter : notFilters) {
			if (parameter[1] != null) {
				throw new InvalidParameterException(parameter[0], "Parameter '" + parameter[0]
						+ "' is not for streams, which send sockets as they open and close: use protocol, family, "
						+ "state, port, localPort, remotePort, localAddress, remoteAddress, netns.", STREAM_FILTERS);
			}
		}
		if (unix()) {
			throw new InvalidParameterException("protocol",
					"Unix sockets are not streamed: use tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6.",
					"tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6");
		}
	}

	/** Unix sockets are read from the service's own namespace only. */
	void requireOwnNamespaceForUnix() {
		if (unix() && this.netns != null) {
			throw new InvalidParameterException("netns",
					"Unix sockets are listed for the service's own network namespace only: leave out netns, "
							+ "or protocol=unix.",
					"no netns with protocol=unix");
		}
	}

	Comparator<InetSocket> order() {
		return QueryParameters.sort("sort", this.sort);
	}

	Integer maxRows() {
		return (this.limit != null) ? QueryParameters.integer("limit", this.limit, 1, 1_000_000, 0) : null;
	}

	/**
	 * Whether owners are wanted: asked for, the endpoint's default, or needed by a
	 * filter.
	 */
	boolean withProcesses(boolean fallback) {
		return QueryParameters.bool("processes", this.processes, fallback) || this.pid != null || this.program != null;
	}

	boolean withNames() {
		return QueryParameters.bool("resolve", this.resolve, false);
	}

	/** The process ids asked for, or empty for any. */
	Set<Integer> pids() {
		Set<Integer> pids = new LinkedHashSet<>();
		if (this.pid != null) {
			for (String item : this.pid.split(",", -1)) {
				pids.add(QueryParameters.integer("pid", item, 1, Integer.MAX_VALUE, 0));
			}
		}
		return pids;
	}

	/** The program names asked for, or empty for any. */
	Set<String> programs() {
		Set<String> programs = new LinkedHashSet<>();
		if (this.program != null) {
			for (String item : this.program.split(",", -1)) {
				if (item.isEmpty()) {
					throw new InvalidParameterException("program",
							"Invalid value '" + this.program
									+ "' for parameter 'program': expected process names, comma-separated.",
							"process names, comma-separated");
				}
				programs.add(item);
			}
		}
		return programs;
	}

	/**
	 * Whether the Unix domain sockets are asked for ({@code protocol=unix}, netstat -x).
	 */
	boolean unix() {
		return askedTables().contains(UNIX) && this.family == null;
	}

	/**
	 * The tables asked for (netstat's -antu ones by default), narrowed to one family (-4,
	 * -6).
	 */
	private Set<Protocol> protocols() {
		Set<String> asked = askedTables();
		Set<Protocol> protocols = asked.isEmpty() ? EnumSet.copyOf(Protocol.TCP_AND_UDP)
				: EnumSet.noneOf(Protocol.class);
		asked.stream().map(Protocol::fromLabel).filter(Objects::nonNull).forEach(protocols::add);
		String wanted = QueryParameters.oneOf("family", this.family, List.of("inet", "inet6"));
		if (wanted != null) {
			protocols.removeIf((p) -> p.ipv6() != wanted.equals("inet6"));
		}
		return protocols;
	}

	private Set<String> askedTables() {
		return QueryParameters.list("protocol", this.protocol, (name) -> name.toLowerCase(Locale.ROOT), TABLES);
	}

	private static Set<String> tables() {
		Set<String> tables = new LinkedHashSet<>();
		for (Protocol protocol : Protocol.values()) {
			tables.add(protocol.label());
		}
		tables.add(UNIX);
		return tables;
	}

}
