package io.netstatd.core.stats;

import java.time.Duration;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.live.streams.Streamed;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.DurationRange;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /stats/states/stream} counts, and how often, bound from its query string.
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
 * @param interval how often: 1s to 60s, such as 1s, 1500ms or 1m, or whole seconds
 */
record StatesStreamQuery(Tables protocol, PortSet port, AddressSet localAddress, AddressSet remoteAddress,
		NamespaceChoice netns,
		@DurationRange(min = Streamed.MIN, max = Streamed.MAX) @Schema(pattern = Streamed.PATTERN,
				defaultValue = Streamed.DEFAULT) Duration interval) {

	StatesStreamQuery {
		interval = Streamed.orDefault(interval);
	}

	/**
	 * What each snapshot counts, and how often.
	 * @return the stream's query
	 */
	Streamed<SocketQuery> stream() {
		return new Streamed<>(
				new StatesQuery(this.protocol, this.port, this.localAddress, this.remoteAddress, this.netns, null)
					.sockets(),
				this.interval);
	}

}
