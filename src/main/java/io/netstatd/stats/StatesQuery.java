package io.netstatd.stats;

import java.util.EnumSet;
import java.util.Set;

import io.netstatd.socket.Protocol;
import io.netstatd.socket.SocketFilter;
import io.netstatd.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which TCP sockets a state count counts: the query of {@code /stats/states} and of its
 * stream.
 *
 * @param protocol tcp or tcp6
 * @param port a port or range, either side
 * @param localAddress a local address or block
 * @param remoteAddress a remote address or block
 * @param netns the network namespace
 */
record StatesQuery(
		@Parameter(description = "tcp or tcp6; both when absent",
				schema = @Schema(type = "string", example = "tcp")) String protocol,
		@Parameter(description = "count only sockets with this port, or a port of this range, on either side",
				schema = @Schema(type = "string", pattern = "^[0-9]{1,5}(-[0-9]{1,5})?$", example = "443")) String port,
		@Parameter(description = "count only sockets with this local address: " + StatsController.CIDR,
				schema = @Schema(type = "string")) String localAddress,
		@Parameter(description = "count only sockets with this remote address: " + StatsController.CIDR,
				schema = @Schema(type = "string")) String remoteAddress,
		@Parameter(description = StatsController.NETNS,
				schema = @Schema(type = "string", example = "all")) String netns) {

	private static final Set<Protocol> TCP = EnumSet.of(Protocol.TCP, Protocol.TCP6);

	SocketFilter filter() {
		Set<Protocol> protocols = QueryParameters.list("protocol", this.protocol, Protocol::fromLabel, TCP);
		return new SocketFilter(protocols.isEmpty() ? TCP : protocols, Set.of(),
				QueryParameters.portRange("port", this.port), null, null,
				QueryParameters.addressRange("localAddress", this.localAddress),
				QueryParameters.addressRange("remoteAddress", this.remoteAddress), false);
	}

}
