package io.netstatd.live.closed;

import java.time.Duration;

import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.DurationRange;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /stats/closed} asks, bound from its query string: the selection of
 * {@code /stats/top-ips}, and the window and grouping.
 *
 * @param window how far back: 1s to 10m, such as 60s or 5m
 * @param by group by the peer's address (remote), the local port (which service) or the
 * peer's port
 * @param port only connections to these local ports, or ranges of them, comma-separated:
 * for example 80, or 80,443
 * @param limit how many groups to list, the largest first; at equal counts, as sort -rn
 * breaks ties, the key whose text sorts last in bytes first
 * @param localAddress local addresses and CIDR blocks, comma-separated: for example
 * 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32
 * @param remoteAddress remote addresses and CIDR blocks, comma-separated; an IPv4 block
 * matches IPv4-mapped peers too: for example 10.0.0.0/8
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record ClosedQuery(
		@DurationRange(min = "1s", max = "10m") @Schema(pattern = "^[0-9]+(ms|s|m)?$",
				defaultValue = "60s") Duration window,
		@Schema(defaultValue = "remote") Grouping by, PortSet port,
		@Schema(minimum = "0", maximum = "1000", defaultValue = "20") Integer limit, AddressSet localAddress,
		AddressSet remoteAddress, Format format) implements Formatted {

	ClosedQuery {
		window = (window != null) ? window : Duration.ofSeconds(60);
		by = (by != null) ? by : Grouping.REMOTE;
		limit = (limit != null) ? limit : 20;
	}

	boolean matches(ClosedConnection c) {
		return (this.port == null || this.port.contains(c.localPort()))
				&& (this.localAddress == null || this.localAddress.contains(c.localAddress()))
				&& (this.remoteAddress == null || this.remoteAddress.contains(c.remoteAddress()));
	}

}
