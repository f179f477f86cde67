package io.netstatd.stats;

import java.util.EnumSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.netstatd.netns.NamespacedSockets;
import io.netstatd.netns.Netns;
import io.netstatd.netns.NetworkNamespaces;
import io.netstatd.socket.PortRange;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.Skipped;
import io.netstatd.socket.SocketFilter;
import io.netstatd.streams.EventStreams;
import io.netstatd.socket.SocketState;
import io.netstatd.socket.SocketTable;
import io.netstatd.web.ProblemResponses;
import io.netstatd.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The awk recipes: TCP state counts and the remote addresses with most connections.
 */
@RestController
@Tag(name = "stats")
@ProblemResponses
class StatsController {

	private static final Set<Protocol> TCP = EnumSet.of(Protocol.TCP, Protocol.TCP6);

	static final String NETNS = "the network namespace: a process id (the one that process lives in), or all "
			+ "(every namespace, counted together); the service's own when absent";

	static final String CIDR = "an address, or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32";

	private final NamespacedSockets namespaced;

	private final NetworkNamespaces namespaces;

	private final EventStreams streams;

	StatsController(NamespacedSockets namespaced, NetworkNamespaces namespaces, EventStreams streams) {
		this.namespaced = namespaced;
		this.namespaces = namespaces;
		this.streams = streams;
	}

	@GetMapping(path = "/stats/states",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, "text/csv" })
	@Operation(summary = "TCP sockets counted by state (netstat -nat | awk '{print $6}' | sort | uniq -c | sort -rn)")
	@ApiResponse(responseCode = "200", description = "the state counts",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = StateCounts.class)),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	StateCounts states(@Parameter(
			description = "json (the default), table (the text netstat or the awk recipe prints; as Accept: text/plain) or csv (as Accept: text/csv)",
			schema = @Schema(type = "string", allowableValues = { "json", "table", "csv" })) @RequestParam(
					name = "format", required = false) String format,
			@ParameterObject StatesQuery query) {
		return count(query.filter(), this.namespaces.parse(query.netns()));
	}

	@GetMapping(path = "/stats/states/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "The TCP state counts, live (netstat -c): Server-Sent Events, a states event with the "
			+ "/stats/states body every interval")
	@ApiResponse(responseCode = "200",
			description = "an event stream: 'states' events (data: the /stats/states JSON), comment lines as "
					+ "heartbeats, a 'problem' event before it ends on a procfs failure",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
	SseEmitter statesStream(@Parameter(description = "how often: 1s to 60s, such as 1s, 1500ms or 1m; 1s when absent",
			schema = @Schema(type = "string", example = "5s")) @RequestParam(name = "interval",
					required = false) String interval,
			@ParameterObject StatesQuery query) {
		// every parameter is checked before the stream opens: a bad one is a 400, not an
		// event
		Duration every = EventStreams.interval(interval);
		SocketFilter filter = query.filter();
		Netns namespace = this.namespaces.parse(query.netns());
		return this.streams.open(every, () -> List
			.of(SseEmitter.event().name("states").data(count(filter, namespace), MediaType.APPLICATION_JSON)));
	}

	private StateCounts count(SocketFilter filter, Netns netns) {
		SocketTable table = this.namespaced.joined(filter, netns);
		return StateCounts.of(table.sockets(), Skipped.of(table.skipped()));
	}

	@GetMapping(path = "/stats/top-ips",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, "text/csv" })
	@Operation(summary = "Remote addresses with most TCP connections to a local port "
			+ "(netstat -anp | grep 80 | awk '{print $5}' | awk -F: '{print $1}' | sort | uniq -c | sort -nr | head -20)")
	@ApiResponse(responseCode = "200", description = "the remote addresses",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = TopIps.class)),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	TopIps topIps(@Parameter(
			description = "json (the default), table (the text netstat or the awk recipe prints; as Accept: text/plain) or csv (as Accept: text/csv)",
			schema = @Schema(type = "string", allowableValues = { "json", "table", "csv" })) @RequestParam(
					name = "format", required = false) String format,
			@Parameter(description = "the local port; all local ports when absent",
					schema = @Schema(type = "integer", minimum = "0", maximum = "65535", example = "80")) @RequestParam(
							name = "port", required = false) String port,
			@Parameter(description = "how many addresses to list (head -N)",
					schema = @Schema(type = "integer", minimum = "1", maximum = "1000",
							defaultValue = "20")) @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "count only connections to this local address: " + CIDR,
					schema = @Schema(type = "string")) @RequestParam(name = "localAddress",
							required = false) String localAddress,
			@Parameter(description = "count only peers in this block: " + CIDR,
					schema = @Schema(type = "string")) @RequestParam(name = "remoteAddress",
							required = false) String remoteAddress,
			@Parameter(description = NETNS, schema = @Schema(type = "string", example = "all")) @RequestParam(
					name = "netns", required = false) String netns) {
		Integer localPort = QueryParameters.port("port", port);
		int top = QueryParameters.integer("limit", limit, 1, 1000, 20);
		Set<SocketState> connected = EnumSet.complementOf(EnumSet.of(SocketState.LISTEN));
		SocketFilter filter = new SocketFilter(TCP, connected, null,
				(localPort != null) ? new PortRange(localPort, localPort) : null, null,
				QueryParameters.addressRange("localAddress", localAddress),
				QueryParameters.addressRange("remoteAddress", remoteAddress), false);
		SocketTable table = this.namespaced.joined(filter, this.namespaces.parse(netns));
		return TopIps.of(localPort, table.sockets(), top, Skipped.of(table.skipped()));
	}

}
