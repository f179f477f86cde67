package io.netstatd.core.connections;

import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.live.streams.EventStreams;
import io.netstatd.live.streams.SharedTables;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;

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

	private final EventStreams streams;

	private final SharedTables tables;

	ConnectionsStreamController(EventStreams streams, SharedTables tables) {
		this.streams = streams;
		this.tables = tables;
	}

	@GetMapping(path = "/connections/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(
			summary = "Sockets as they open, change state and close (ss -E, netstat -c): Server-Sent Events, "
					+ "with the filters of /connections",
			description = "An event stream: 'ready' once the first snapshot is taken (data: {\"sockets\": n, "
					+ "\"closes\": \"kernel\" or \"snapshot\"}), then 'opened', 'changed' (a new state) and 'closed' "
					+ "events whose data is the socket's JSON, as /connections lists it, with source (snapshot, or "
					+ "kernel: a destroy notice, every socket destroyed, the short-lived ones included, with "
					+ "livedSeconds when the stream had seen it and its final tcpInfo with info=true; the notice of a "
					+ "socket that closed first is its 'changed' to TIME_WAIT, with those counters, and its 'closed' "
					+ "comes from the snapshot when the TIME_WAIT row leaves, as netstat -c sees it); past "
					+ "netstatd.streams.max-events changes in one interval (1000), one 'overflow' event instead "
					+ "(data: {\"changes\": n, \"maxEvents\": m}), one when the kernel's notices were lost "
					+ "(data: {\"source\": \"kernel\", \"missed\": n or \"unknown\"}), one when the client read "
					+ "too slowly and missed events (data: {\"source\": \"client\", \"missed\": n}), and a last one "
					+ "before the stream ends when its shared table no longer fits the memory budget (data: "
					+ "{\"source\": \"memory\", \"detail\": ...}); comment lines as heartbeats. Streams of one namespace "
					+ "and interval share one read of the table.")
	SseEmitter connectionsStream(@ParameterObject StreamQuery query, HttpServletRequest request) {
		SocketQuery sockets = query.sockets();
		return this.streams.open(request.getRemoteAddr(),
				(sink) -> this.tables.subscribe(sockets.netns(), sockets.selection().protocols(), query.interval(),
						new ConnectionsStream(sockets, query.info(), sink, this.streams.maxEvents(),
								this.tables.closesSource(sockets.netns())))::close);
	}

}
