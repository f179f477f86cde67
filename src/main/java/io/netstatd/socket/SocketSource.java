package io.netstatd.socket;

import java.util.Set;

/**
 * Where socket tables come from: procfs text, or the kernel's sock_diag netlink
 * interface. Both give the same rows; netlink is cheaper, and can leave out the states
 * not asked for in the kernel.
 */
public interface SocketSource {

	/**
	 * Reads the sockets of {@code protocols}.
	 * @param protocols the tables to read
	 * @param states the states wanted, or empty for all; a source may return others too,
	 * so callers filter again
	 * @return the sockets, tables in the order of {@link Protocol}, and the lines skipped
	 */
	SocketTable read(Set<Protocol> protocols, Set<SocketState> states);

	/** Reads the Unix domain sockets ({@code netstat -x}). */
	UnixTable readUnix();

	/** A short name for logs and the README: {@code procfs} or {@code netlink}. */
	String name();

}
