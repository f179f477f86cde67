package io.netstatd.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.query.Query;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.SocketQuery;
import io.netstatd.socket.SocketService;
import io.netstatd.streams.EventStreams;
import io.netstatd.streams.SocketChanges;
import io.netstatd.streams.Streamed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sockets as they come and go: {@code ss -E}, {@code netstat -c}.
 */
@RestController
@Tag(name = "sockets")
class ConnectionsStreamController {

	private final SocketService sockets;

	private final EventStreams streams;

	ConnectionsStreamController(SocketService sockets, EventStreams streams) {
		this.sockets = sockets;
		this.streams = streams;
	}

	@GetMapping(path = "/connections/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(
			summary = "Sockets as they open, change state and close (ss -E, netstat -c): Server-Sent Events, "
					+ "with the filters of /connections",
			description = "An event stream: 'ready' once the first snapshot is taken (data: {\"sockets\": n}), then "
					+ "'opened', 'changed' (a new state) and 'closed' events whose data is the socket's JSON, as "
					+ "/connections lists it; past netstatd.streams.max-events changes in one interval (1000), one "
					+ "'overflow' event instead (data: {\"changes\": n, \"maxEvents\": m}); comment lines as "
					+ "heartbeats.")
	SseEmitter connectionsStream(@Query(SocketListSpecs.Stream.class) Streamed<SocketQuery> stream) {
		SocketQuery query = stream.query();
		SocketChanges changes = new SocketChanges();
		return this.streams.open(stream.interval(), () -> {
			List<InetSocket> now = this.sockets.read(query.selection(), query.netns()).rows();
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
			events.add(SseEmitter.event()
				.name(change.kind())
				.data(ListedSocket.of(change.socket()), MediaType.APPLICATION_JSON));
		}
		return events;
	}

}
