package io.netstatd.export.metrics;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code netstatd.metrics.*}: the bounds that keep the per-port series few, whatever the
 * host does. At most {@value #MAX_PORTS} ports and {@value #MAX_TOP_REMOTES} remotes per
 * port, so a scrape never carries more than {@link #maxSeries()} per-port series.
 *
 * @param connectionPorts {@code netstatd.metrics.connection-ports}: listening ports with
 * round-trip time and retransmission series (tcp_info), the busiest first
 * @param ports {@code netstatd.metrics.ports}: listening ports with connection counts by
 * state and by remote address, the busiest first
 * @param portList {@code netstatd.metrics.port-list}: those ports instead of the busiest,
 * whether they listen or not (at most {@code ports} of them)
 * @param topRemotes {@code netstatd.metrics.top-remotes}: remote addresses (or blocks)
 * per port with a series of their own; the rest are one {@code remote="other"} series
 * @param remotePrefix {@code netstatd.metrics.remote-prefix}: the prefix lengths remote
 * addresses are grouped by, IPv4 then IPv6: {@code 32,128} whole addresses, {@code 24,64}
 * blocks
 */
@ConfigurationProperties("netstatd.metrics")
public record MetricsProperties(@DefaultValue("20") int connectionPorts, @DefaultValue("20") int ports,
		@DefaultValue List<Integer> portList, @DefaultValue("10") int topRemotes,
		@DefaultValue List<Integer> remotePrefix) {

	static final int MAX_PORTS = 100;

	static final int MAX_TOP_REMOTES = 100;

	/** The states a port's connections are counted in: all but LISTEN. */
	static final int CONNECTION_STATES = 10;

	public MetricsProperties {
		portList = List.copyOf(portList);
		// 32,128 when unset: given here, not as the annotation's text, which the
		// configuration processor cannot read as a list of numbers
		remotePrefix = remotePrefix.isEmpty() ? List.of(32, 128) : List.copyOf(remotePrefix);
		if (ports < 0 || ports > MAX_PORTS) {
			throw new IllegalArgumentException("netstatd.metrics.ports must be 0 to " + MAX_PORTS + ", not " + ports);
		}
		if (topRemotes < 0 || topRemotes > MAX_TOP_REMOTES) {
			throw new IllegalArgumentException(
					"netstatd.metrics.top-remotes must be 0 to " + MAX_TOP_REMOTES + ", not " + topRemotes);
		}
		if (portList.size() > ports || portList.stream().anyMatch((port) -> port < 0 || port > 65535)) {
			throw new IllegalArgumentException("netstatd.metrics.port-list holds at most netstatd.metrics.ports ("
					+ ports + ") ports of 0 to 65535");
		}
		if (remotePrefix.size() != 2 || remotePrefix.get(0) < 0 || remotePrefix.get(0) > 32 || remotePrefix.get(1) < 0
				|| remotePrefix.get(1) > 128) {
			throw new IllegalArgumentException("netstatd.metrics.remote-prefix is two prefix lengths, IPv4 (0 to 32) "
					+ "then IPv6 (0 to 128), such as 24,64; not " + remotePrefix);
		}
	}

	/** The defaults, for tests. */
	static MetricsProperties defaults() {
		return new MetricsProperties(20, 20, List.of(), 10, List.of(32, 128));
	}

	/**
	 * The most series the per-port connection metrics carry in one scrape: per port, one
	 * per remote kept, one for the rest, and one per state.
	 * @return the bound
	 */
	public int maxSeries() {
		return this.ports * (this.topRemotes + 1 + CONNECTION_STATES);
	}

}
