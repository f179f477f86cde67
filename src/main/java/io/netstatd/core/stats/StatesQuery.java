package io.netstatd.core.stats;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;

/**
 * What {@code /stats/states} counts, bound from its query string.
 *
 * @param protocol tcp or tcp6, comma-separated; both when absent
 * @param port count only sockets with one of these ports on either side, or ports of
 * these ranges, comma-separated: for example 443, or 80,443, or 8000-8099
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
record StatesQuery(Tables protocol, PortSet port, AddressSet localAddress, AddressSet remoteAddress,
		NamespaceChoice netns, Format format) implements Formatted {

	/**
	 * The sockets counted.
	 * @return the query
	 */
	SocketQuery sockets() {
		return new SocketQuery(SocketSelection.of(Tables.within(this.protocol, Tables.TCP, Tables.TCP, null))
			.withPorts(this.port, null, null)
			.withAddresses(this.localAddress, this.remoteAddress), NamespaceChoice.orOwn(this.netns));
	}

}
