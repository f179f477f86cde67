package io.netstatd.core.stats;

import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.Costly;

/**
 * What {@code /stats/top-ips} counts.
 *
 * @param sockets the connections counted
 * @param limit how many addresses to list
 */
record TopIpsQuery(SocketQuery sockets, int limit) implements Costly {

	/**
	 * The one local port counted, for the body; null for several or all.
	 * @return the port or null
	 */
	Integer port() {
		PortSet ports = this.sockets.selection().localPort();
		return (ports != null) ? ports.single() : null;
	}

	@Override
	public boolean expensive() {
		return this.sockets.expensive();
	}

}
