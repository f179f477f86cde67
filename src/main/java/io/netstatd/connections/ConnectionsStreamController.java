package io.netstatd.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.netns.NamespacedSockets;
import io.netstatd.netns.Netns;
import io.netstatd.netns.NetworkNamespaces;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.SocketFilter;
import io.netstatd.streams.EventStreams;
import io.netstatd.streams.SocketChanges;
import io.netstatd.web.ProblemResponses;
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
 * Sockets as they come and go: {@code ss -E}, {@code netstat -c}.
 */
@RestController
@Tag(name = "sockets")
@ProblemResponses
class ConnectionsStreamController {

	private final NamespacedSockets sockets;

	private final NetworkNamespaces namespaces;

	private final EventStreams streams;

	ConnectionsStreamController(NamespacedSockets sockets, NetworkNamespaces namespaces, EventStreams streams) {
		this.sockets = sockets;
		this.namespaces = namespaces;
		this.streams = streams;
	}

	@GetMapping(path = "/connections/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Sockets as they open, change state and close (ss -E, netstat -c): Server-Sent Events, "
			+ "with the filters of /connections")
	@ApiResponse(responseCode = "200",
			description = "an event stream: 'ready' once the first snapshot is taken (data: {\"sockets\": n}), "
					+ "then 'opened', 'changed' (a new state) and 'closed' events whose data is the socket's JSON, "
					+ "as /connections lists it; past netstatd.streams.max-events changes in one interval (1000), "
					+ "one 'overflow' event instead (data: {\"changes\": n, \"maxEvents\": m}); "
					+ "comment lines as heartbeats",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
	SseEmitter connectionsStream(@ParameterObject SocketQuery query,
			@Parameter(
					description = "how often to compare snapshots: 1s to 60s, such as 1s, 1500ms or 1m; 1s when absent",
					schema = @Schema(type = "string", example = "2s")) @RequestParam(name = "interval",
							required = false) String interval) {
		query.requireOnlyFilters();
		Duration every = EventStreams.interval(interval);
		SocketFilter filter = query.filter(false);
		Netns netns = this.namespaces.parse(query.netns());
		SocketChanges changes = new SocketChanges();
		return this.streams.open(every, () -> {
			List<InetSocket> now = this.sockets.joined(filter, netns).sockets();
			List<SocketChanges.Change> next = changes.next(now);
			if (next == null) {
				return List.of(SseEmitter.event()
					.name("ready")
					.data(Map.of("sockets", now.size()), MediaType.APPLICATION_JSON));
			}
			return events(next, this.streams.maxEvents());
		});
	}

	/**
	 * One event per change, or, past {@code maxEvents}, a single {@code overflow} event
	 * with their number: the client has missed changes and re-reads {@code /connections}
	 * if it needs them, and the stream goes on from the new snapshot.
	 */
	static List<SseEmitter.SseEventBuilder> events(List<SocketChanges.Change> changes, int maxEvents) {
		if (changes.size() > maxEvents) {
			return List.of(SseEmitter.event()
				.name("overflow")
				.data(Map.of("changes", changes.size(), "maxEvents", maxEvents), MediaType.APPLICATION_JSON));
		}
		List<SseEmitter.SseEventBuilder> events = new ArrayList<>(changes.size());
		for (SocketChanges.Change change : changes) {
			events.add(SseEmitter.event().name(change.kind()).data(change.socket(), MediaType.APPLICATION_JSON));
		}
		return events;
	}

}
