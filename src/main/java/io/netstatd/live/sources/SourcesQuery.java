package io.netstatd.live.sources;

import java.time.Duration;

import io.netstatd.support.inet.PortSet;

/**
 * What {@code /stats/sources} asks, bound once from its query string.
 *
 * @param ports the local ports (services) asked about, or null for every port
 * @param window how far back closes and the kernel's counters count
 * @param limit how many sources to list
 * @param capture how long to capture the packets to the port, or null for no capture
 */
record SourcesQuery(PortSet ports, Duration window, int limit, Duration capture) {

	/** The one port asked, for the body; null for several or all. */
	Integer port() {
		return (this.ports != null) ? this.ports.single() : null;
	}

	boolean asks(int localPort) {
		return this.ports == null || this.ports.contains(localPort);
	}

}
