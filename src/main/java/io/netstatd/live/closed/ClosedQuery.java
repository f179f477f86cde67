package io.netstatd.live.closed;

import java.time.Duration;

import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;

/**
 * What {@code /stats/closed} asks, bound once from its query string.
 *
 * @param window how far back
 * @param by what to group by
 * @param localPort only connections to these local ports, or null for any
 * @param localAddress only these local addresses, or null
 * @param remoteAddress only these peers, or null
 * @param limit how many groups to list
 */
record ClosedQuery(Duration window, Grouping by, PortSet localPort, AddressSet localAddress, AddressSet remoteAddress,
		int limit) {

	boolean matches(ClosedConnection c) {
		return (this.localPort == null || this.localPort.contains(c.localPort()))
				&& (this.localAddress == null || this.localAddress.contains(c.localAddress()))
				&& (this.remoteAddress == null || this.remoteAddress.contains(c.remoteAddress()));
	}

}
