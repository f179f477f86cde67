package io.netstatd.core.stats;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /stats/top-ips} counts, bound from its query string.
 *
 * @param port the local ports, or ranges of them, comma-separated: for example 80, or
 * 80,443; every local port when absent
 * @param limit how many addresses to list (head -N), cut where sort -rn | head cuts: at
 * equal counts the address whose text sorts last in bytes comes first; 0 lists none,
 * total still counts
 * @param localAddress local addresses and CIDR blocks, comma-separated: for example
 * 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32
 * @param remoteAddress remote addresses and CIDR blocks, comma-separated; an IPv4 block
 * matches IPv4-mapped peers too: for example 10.0.0.0/8
 * @param netns the network namespace to read: a process id (the one that process lives
 * in, as nsenter -t &lt;pid&gt; -n), or all (every namespace, each socket tagged with its
 * netns); the service's own when absent
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record TopIpsQuery(PortSet port, @Schema(minimum = "0", maximum = "1000", defaultValue = "20") Integer limit,
		AddressSet localAddress, AddressSet remoteAddress, NamespaceChoice netns, Format format) implements Formatted {

	TopIpsQuery {
		limit = (limit != null) ? limit : 20;
	}

	/**
	 * The recipe's {@code grep 80}, as it is meant: the local port, connections only (no
	 * listener).
	 * @return the sockets counted
	 */
	SocketQuery sockets() {
		Set<SocketState> connected = EnumSet.complementOf(EnumSet.of(SocketState.LISTEN));
		return new SocketQuery(SocketSelection.of(Tables.TCP)
			.inStates(connected)
			.withPorts(null, this.port, null)
			.withAddresses(this.localAddress, this.remoteAddress), NamespaceChoice.orOwn(this.netns));
	}

	/**
	 * What is counted beyond the sockets, for sharing one count among requests that
	 * arrive together: the limit, not the representation.
	 * @return the key
	 */
	Object counting() {
		return List.of(TopIps.class, this.limit);
	}

	/**
	 * The one local port counted, for the body; null for several or all.
	 * @return the port or null
	 */
	Integer onePort() {
		return (this.port != null) ? this.port.single() : null;
	}

}
