package io.netstatd.kernel.socket;

import java.util.Set;
import java.util.function.Consumer;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;

/**
 * Where the service's own namespace's socket tables come from: procfs text, or the
 * kernel's sock_diag netlink interface. Both give the same rows; netlink is cheaper, and
 * can leave out the states not asked for in the kernel.
 */
public interface SocketSource {

	/**
	 * Reads the sockets of {@code protocols}.
	 * @param protocols the tables to read
	 * @param states the states wanted, or empty for all; a source may return others too,
	 * so callers filter again
	 * @return the sockets, tables in the order of {@link Protocol}, and the lines skipped
	 */
	Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states);

	/**
	 * Reads the sockets of {@code protocols} with the details asked for.
	 * @param protocols the tables to read
	 * @param states the states wanted, or empty for all
	 * @param details what each row carries beyond its columns
	 * @return the sockets and the lines skipped
	 * @throws io.netstatd.support.query.InvalidParameterException when details are asked
	 * of a source that has none (procfs)
	 */
	default Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details) {
		if (!details.isEmpty()) {
			throw details.iterator().next().unavailable("this service's namespace");
		}
		return read(protocols, states);
	}

	/**
	 * Reads the sockets of {@code protocols} with the details asked for, where the source
	 * can, only those with the ports of {@code ports} (the caller's selection checks
	 * every row again: a source without such a filter reads them all).
	 * @param protocols the tables to read
	 * @param states the states wanted, or empty for all
	 * @param details what each row carries beyond its columns
	 * @param ports the ports the source may filter on
	 * @return the sockets and the lines skipped
	 */
	default Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details,
			PortFilter ports) {
		return read(protocols, states, details);
	}

	/**
	 * Gives each socket of {@code protocols} to {@code sink}, as {@link #read} would list
	 * them. A source that can hands them over as it parses them, keeping none; this one
	 * reads the tables whole first.
	 * @param protocols the tables to read
	 * @param states the states wanted, or empty for all
	 * @param details what each row carries beyond its columns
	 * @param ports the ports the source may filter on
	 * @param sink where each socket goes
	 * @return the lines skipped
	 * @throws DumpInterruptedException when a table failed after some of its sockets went
	 * to the sink
	 * @throws io.netstatd.support.query.InvalidParameterException when details are asked
	 * of a source that has none (procfs)
	 */
	default Skipped each(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details, PortFilter ports,
			Consumer<InetSocket> sink) {
		Parsed<InetSocket> read = read(protocols, states, details, ports);
		read.rows().forEach(sink);
		return read.skipped();
	}

	/**
	 * {@link #each}, for a sink that writes a response as it goes: a source that can
	 * receives the next sockets while the sink works on the ones before. The sockets and
	 * their order are the same.
	 * @param protocols the tables to read
	 * @param states the states wanted, or empty for all
	 * @param details what each row carries beyond its columns
	 * @param ports the ports the source may filter on
	 * @param sink where each socket goes
	 * @return the lines skipped
	 */
	default Skipped eachAhead(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details,
			PortFilter ports, Consumer<InetSocket> sink) {
		return each(protocols, states, details, ports, sink);
	}

	/**
	 * Whether a read of {@code protocols} gives every socket with no line skipped, so
	 * that a text answer may be written before the read ends (its skipped-lines header
	 * precedes the body). Procfs text may always hold a malformed line.
	 * @param protocols the tables to read
	 * @return whether no line can be skipped
	 */
	default boolean skipsNoLines(Set<Protocol> protocols) {
		return false;
	}

	/**
	 * Reads the Unix domain sockets ({@code netstat -x}).
	 * @return the sockets and the lines skipped
	 */
	Parsed<UnixSocket> readUnix();

	/**
	 * Where this host's end of a TCP connection is: for work a request started, which
	 * ends when the request's client goes. One socket looked up, never a table read.
	 * @param local this host's address
	 * @param localPort this host's port
	 * @param remote the peer's address
	 * @param remotePort the peer's port
	 * @return what the lookup found; {@link ConnectionStatus#UNKNOWN} where this source
	 * cannot look one socket up (procfs: that would read a whole table)
	 */
	default ConnectionStatus status(IpAddress local, int localPort, IpAddress remote, int remotePort) {
		return ConnectionStatus.UNKNOWN;
	}

	/**
	 * A short name for logs and the README.
	 * @return {@code procfs} or {@code netlink}
	 */
	String name();

	/**
	 * Reads each table of {@code protocols} with {@code read}, in the order of
	 * {@link Protocol} (netstat's: tcp, tcp6, udp, udp6), and joins them.
	 * @param protocols the tables
	 * @param read how one table is read
	 * @return the tables joined
	 */
	static Parsed<InetSocket> eachTable(Set<Protocol> protocols,
			java.util.function.Function<Protocol, Parsed<InetSocket>> read) {
		Parsed<InetSocket> all = Parsed.empty();
		for (Protocol protocol : Protocol.values()) {
			if (protocols.contains(protocol)) {
				all = all.and(read.apply(protocol));
			}
		}
		return all;
	}

}
