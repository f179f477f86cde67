package io.netstatd.kernel.socket;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.Family;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamType;
import io.netstatd.support.query.ParamTypes;

/**
 * The parameters of netstat's flags and ss's selection, declared once for every endpoint
 * that selects sockets, and the selection they make.
 */
public final class SelectionParams {

	/** {@code family}: netstat {@code -4}, {@code -6}. */
	public static final Param<Family> FAMILY = Param.of("family", ParamTypes.oneOf(Family.values()),
			"inet (IPv4, netstat -4) or inet6 (IPv6, netstat -6); both when absent");

	/** {@code state}: netstat's and ss's state names, and ss's groups. */
	public static final Param<Set<SocketState>> STATE = Param.of("state",
			ParamTypes.words(SocketState::named, SocketState.WORDS),
			"states, comma-separated, in any case: netstat's names (TIME_WAIT; UNCONN is a UDP socket with no peer), "
					+ "ss's (time-wait, ESTAB, fin-wait-1, closed, listening) and ss's groups all, connected, "
					+ "synchronized, bucket, big; for example connected, or TIME_WAIT,CLOSE_WAIT");

	/** {@code port}: either side. */
	public static final Param<PortSet> PORT = Param.of("port", ParamTypes.ports(),
			"ports on either side, and ranges of them, comma-separated: for example 443, 80,443 or 1024-65535");

	/** {@code localPort}. */
	public static final Param<PortSet> LOCAL_PORT = Param.of("localPort", ParamTypes.ports(),
			"local ports and ranges of them, comma-separated, as ss's sport");

	/** {@code remotePort}. */
	public static final Param<PortSet> REMOTE_PORT = Param.of("remotePort", ParamTypes.ports(),
			"remote ports and ranges of them, comma-separated, as ss's dport");

	/** {@code localAddress}. */
	public static final Param<AddressSet> LOCAL_ADDRESS = Param.of("localAddress", ParamTypes.addresses(),
			"local addresses and CIDR blocks, comma-separated: for example 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32");

	/** {@code remoteAddress}. */
	public static final Param<AddressSet> REMOTE_ADDRESS = Param.of("remoteAddress", ParamTypes.addresses(),
			"remote addresses and CIDR blocks, comma-separated; an IPv4 block matches IPv4-mapped peers too: for "
					+ "example 10.0.0.0/8");

	/** The TCP tables, which the stats count. */
	public static final Set<Protocol> TCP = Set.copyOf(EnumSet.of(Protocol.TCP, Protocol.TCP6));

	private SelectionParams() {
	}

	/**
	 * A {@code protocol} parameter over some tables.
	 * @param tables the tables it may name
	 * @param description what it does
	 * @return the parameter
	 */
	public static Param<Set<Protocol>> protocol(Set<Protocol> tables, String description) {
		return Param.of("protocol", tables(tables), description);
	}

	/**
	 * The type of a list of table names, in any case.
	 * @param tables the tables allowed
	 * @return the type
	 */
	public static ParamType<Set<Protocol>> tables(Set<Protocol> tables) {
		List<String> names = EnumSet.copyOf(tables).stream().map(Protocol::label).toList();
		return ParamTypes.words((name) -> {
			Protocol protocol = Protocol.fromLabel(name);
			return (protocol != null && tables.contains(protocol)) ? List.of(protocol) : null;
		}, names);
	}

	/**
	 * The selection the arguments make of {@code protocols}: states, ports and addresses,
	 * those of them the endpoint declares.
	 * @param arguments the bound values
	 * @param protocols the tables to read
	 * @return the selection
	 */
	public static SocketSelection select(Arguments arguments, Collection<Protocol> protocols) {
		Set<Protocol> tables = EnumSet.noneOf(Protocol.class);
		tables.addAll(protocols);
		if (arguments.declares(FAMILY) && arguments.get(FAMILY) != null) {
			tables.removeIf((protocol) -> protocol.ipv6() != (arguments.get(FAMILY) == Family.INET6));
		}
		return SocketSelection.of(tables)
			.inStates(arguments.declares(STATE) ? arguments.get(STATE) : Set.of())
			.withPorts(value(arguments, PORT), value(arguments, LOCAL_PORT), value(arguments, REMOTE_PORT))
			.withAddresses(value(arguments, LOCAL_ADDRESS), value(arguments, REMOTE_ADDRESS));
	}

	private static <T> T value(Arguments arguments, Param<T> parameter) {
		return arguments.declares(parameter) ? arguments.get(parameter) : null;
	}

}
