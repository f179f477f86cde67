package io.netstatd.core.stats;

import java.util.List;

import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.live.streams.EventStreams;
import io.netstatd.live.streams.Streamed;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The awk recipes: TCP state counts and the remote addresses with most connections.
 */
@RestController
@Tag(name = "stats")
class StatsController {

	private final SocketService sockets;

	private final EventStreams streams;

	private final ExpensiveRequests expensive;

	StatsController(SocketService sockets, EventStreams streams, ExpensiveRequests expensive) {
		this.sockets = sockets;
		this.streams = streams;
		this.expensive = expensive;
	}

	@GetMapping("/stats/states")
	@Operation(summary = "TCP sockets counted by state (netstat -nat | awk '{print $6}' | sort | uniq -c | sort -rn)",
			description = "In JSON all eleven netstat states, zeros included, largest first; as text, exactly the "
					+ "lines the recipe prints.")
	StateCounts states(@ParameterObject StatesQuery query, Deadline deadline) {
		// every namespace walks every process: one of the few places for such walks
		try (ExpensiveRequests.Place place = this.expensive.enter(query.sockets().expensive(), deadline)) {
			return count(query.sockets());
		}
	}

	@GetMapping(path = "/stats/states/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(
			summary = "The TCP state counts, live (netstat -c): Server-Sent Events, a states event with the "
					+ "/stats/states body every interval",
			description = "An event stream: 'states' events (data: the /stats/states JSON), comment lines as "
					+ "heartbeats, a 'problem' event before it ends on a procfs failure.")
	SseEmitter statesStream(@ParameterObject StatesStreamQuery query, HttpServletRequest request) {
		Streamed<SocketQuery> stream = query.stream();
		return this.streams.open(request.getRemoteAddr(), stream.interval(), () -> List
			.of(SseEmitter.event().name("states").data(count(stream.query()), MediaType.APPLICATION_JSON)));
	}

	@GetMapping("/stats/top-ips")
	@Operation(summary = "Remote addresses with most TCP connections to a local port "
			+ "(netstat -anp | grep 80 | awk '{print $5}' | awk -F: '{print $1}' | sort | uniq -c | sort -nr | head -20)",
			description = "As the recipe is meant: connections whose local port is one asked (not 8080, not a pid "
					+ "with 80 in it), listeners left out, counted by whole remote address.")
	TopIps topIps(@ParameterObject TopIpsQuery query, Deadline deadline) {
		SocketQuery sockets = query.sockets();
		try (ExpensiveRequests.Place place = this.expensive.enter(sockets.expensive(), deadline)) {
			return this.sockets.count(sockets.selection(), sockets.netns(), query.counting(),
					() -> new TopIps.Counter(query.onePort(), query.limit()));
		}
	}

	private StateCounts count(SocketQuery query) {
		return this.sockets.count(query.selection(), query.netns(), StateCounts.class, StateCounts.Counter::new);
	}

}
