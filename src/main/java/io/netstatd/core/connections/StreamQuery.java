package io.netstatd.core.connections;

import java.time.Duration;
import java.util.EnumSet;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.StateSet;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.live.streams.Streamed;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.Family;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.DurationRange;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /connections/stream} asks, bound from its query string: the sockets, how
 * often, and whether closes carry their final {@code tcp_info}.
 *
 * @param protocol tables, comma-separated: tcp, tcp6, udp, udp6, udplite, udplite6, raw,
 * raw6 (Unix sockets are not streamed); tcp, tcp6, udp and udp6 when absent
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
 * @param netns the network namespace to read: a process id (the one that process lives
 * in, as nsenter -t &lt;pid&gt; -n), or all (every namespace, each socket tagged with its
 * netns); the service's own when absent
 * @param interval how often: 1s to 60s, such as 1s, 1500ms or 1m, or whole seconds
 * @param info add its final tcpInfo to each TCP socket the kernel announces destroyed
 * (closed events with source kernel); snapshots' rows carry none, as every row's counters
 * change at every look
 */
record StreamQuery(Tables protocol, Family family, StateSet state, PortSet port, PortSet localPort, PortSet remotePort,
		AddressSet localAddress, AddressSet remoteAddress, NamespaceChoice netns,
		@DurationRange(min = Streamed.MIN, max = Streamed.MAX) @Schema(pattern = Streamed.PATTERN,
				defaultValue = Streamed.DEFAULT) Duration interval,
		@Schema(defaultValue = "false") Boolean info) {

	StreamQuery {
		interval = Streamed.orDefault(interval);
		info = (info != null) ? info : Boolean.FALSE;
	}

	/**
	 * Which sockets, in which namespaces.
	 * @return the sockets
	 */
	SocketQuery sockets() {
		return new SocketQuery(SocketSelection
			.of(Tables.within(this.protocol, EnumSet.allOf(Protocol.class), Protocol.TCP_AND_UDP, this.family))
			.inStates(StateSet.of(this.state))
			.withPorts(this.port, this.localPort, this.remotePort)
			.withAddresses(this.localAddress, this.remoteAddress), NamespaceChoice.orOwn(this.netns));
	}

}
