package io.netstatd.live.top;

import java.time.Duration;

import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.StateSet;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.Family;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.DurationRange;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /top/connections} asks, bound from its query string: the selection of
 * {@code /connections} (TCP only), and what to rank by, over how long.
 *
 * @param by rank by bytes (sent and acknowledged, plus received, per second), retransmits
 * (segments retransmitted per second) or segments (sent and received per second)
 * @param interval how long apart the two looks are: 100ms to 5s, such as 1s or 500ms; the
 * answer comes after it
 * @param limit how many connections to list, the busiest first
 * @param protocol tcp or tcp6, comma-separated; both when absent
 * @param family inet (IPv4, netstat -4) or inet6 (IPv6, netstat -6); both when absent
 * @param state states, comma-separated, in any case: netstat's names (TIME_WAIT; UNCONN
 * is a UDP socket with no peer), ss's (time-wait, ESTAB, fin-wait-1, closed, listening)
 * and ss's groups all, connected, synchronized, bucket, big; for example connected, or
 * TIME_WAIT,CLOSE_WAIT
 * @param port ports on either side, and ranges of them, comma-separated: for example 443,
 * 80,443 or 1024-65535
 * @param localPort local ports and ranges of them, comma-separated, as ss's sport
 * @param remotePort remote ports and ranges of them, comma-separated, as ss's dport
 * @param localAddress local addresses and CIDR blocks, comma-separated: for example
 * 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32
 * @param remoteAddress remote addresses and CIDR blocks, comma-separated; an IPv4 block
 * matches IPv4-mapped peers too: for example 10.0.0.0/8
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record TopQuery(@Schema(defaultValue = "bytes") Ranking by,
		@DurationRange(min = "100ms", max = "5s") @Schema(pattern = "^[0-9]+(ms|s|m)?$",
				defaultValue = "1s") Duration interval,
		@Schema(minimum = "0", maximum = "1000", defaultValue = "20") Integer limit, Tables protocol, Family family,
		StateSet state, PortSet port, PortSet localPort, PortSet remotePort, AddressSet localAddress,
		AddressSet remoteAddress, Format format) implements Formatted {

	TopQuery {
		by = (by != null) ? by : Ranking.BYTES;
		interval = (interval != null) ? interval : Duration.ofSeconds(1);
		limit = (limit != null) ? limit : 20;
	}

	/**
	 * Which TCP connections.
	 * @return the selection
	 */
	SocketSelection selection() {
		return SocketSelection.of(Tables.within(this.protocol, Tables.TCP, Tables.TCP, this.family))
			.inStates(StateSet.of(this.state))
			.withPorts(this.port, this.localPort, this.remotePort)
			.withAddresses(this.localAddress, this.remoteAddress);
	}

}
