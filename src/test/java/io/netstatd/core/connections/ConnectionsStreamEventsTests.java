package io.netstatd.core.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.live.streams.EventStreams;
import io.netstatd.live.streams.SharedTables;
import io.netstatd.live.streams.SocketTable;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one interval of {@code /connections/stream} sends: an event per change up to the
 * bound, one {@code overflow} event past it.
 */
class ConnectionsStreamEventsTests {

	@Test
	void sendsEachChangeUpToTheBound() {
		List<SseEmitter.SseEventBuilder> events = ConnectionsStream.events(changes(3), 3);

		assertThat(events).hasSize(3);
		assertThat(text(events.get(0))).startsWith("event:opened\ndata:");
		assertThat(events.get(0).build())
			.anySatisfy((part) -> assertThat(part.getData()).isEqualTo(new StreamedSocket("opened",
					new ListedSocket(changes(1).get(0).socket().socket(), null, null, null, null, null, null),
					"snapshot", null)));
	}

	@Test
	void sendsOneOverflowEventPastIt() {
		List<SseEmitter.SseEventBuilder> events = ConnectionsStream.events(changes(4), 3);

		assertThat(events).hasSize(1);
		assertThat(text(events.get(0))).startsWith("event:overflow\ndata:");
		assertThat(events.get(0).build())
			.anySatisfy((part) -> assertThat(part.getData()).isEqualTo(java.util.Map.of("changes", 4, "maxEvents", 3)));
	}

	/**
	 * One shared tick, as a stream of established connections to port 8080 sees it: a
	 * socket that starts matching is opened, one that stops is closed, one that matches
	 * before and after in another state does not exist here (the selection is one state),
	 * one that never matches is not told; a kernel close is told whatever state it ended
	 * in, with how long the table had seen it.
	 */
	@Test
	void sendsTheSharedChangesItsSelectionMatches() {
		SocketTable table = new SocketTable();
		InetSocket stopping = socket(40001, SocketState.ESTABLISHED);
		InetSocket starting = socket(40002, SocketState.SYN_RECV);
		InetSocket gone = socket(40003, SocketState.ESTABLISHED);
		InetSocket elsewhere = new InetSocket(Protocol.TCP, IpAddress.ipv4(0x7f00_0001), 9090,
				IpAddress.ipv4(0x7f00_0001), 40004, SocketState.ESTABLISHED, 0, 0, 0, 4, SocketTimer.OFF);
		InetSocket destroyed = socket(40005, SocketState.ESTABLISHED);
		table.next(List.of(stopping, starting, gone, elsewhere, destroyed), 1_000_000_000L);
		List<SocketTable.Change> changes = table.next(List.of(socket(40001, SocketState.CLOSE_WAIT),
				socket(40002, SocketState.ESTABLISHED), elsewhere, destroyed), 3_000_000_000L);
		SharedTables.Tick tick = new SharedTables.Tick(table, changes,
				List.of(new SharedTables.Destroyed(socket(40005, SocketState.CLOSE), 2.0)), 0);
		List<List<SseEmitter.SseEventBuilder>> sent = new ArrayList<>();
		ConnectionsStream stream = new ConnectionsStream(
				new SocketQuery(
						SocketSelection.of(java.util.Set.of(Protocol.TCP))
							.inStates(java.util.Set.of(SocketState.ESTABLISHED))
							.withPorts(null, new PortSet(List.of(new PortRange(8080, 8080))), null),
						NamespaceChoice.OWN),
				false, sink(sent), 1000, "kernel");

		stream.tick(tick, false);

		assertThat(sent).singleElement()
			.satisfies((events) -> assertThat(events).extracting(ConnectionsStreamEventsTests::summary)
				.containsExactlyInAnyOrder("opened 40002 snapshot", "closed 40005 kernel", "closed 40001 snapshot",
						"closed 40003 snapshot"));
		// the baseline of a new subscriber: the sockets it matches now, nothing else
		stream.tick(tick, true);
		assertThat(text(sent.get(1).get(0))).startsWith("event:ready\ndata:");
		assertThat(sent.get(1).get(0).build()).anySatisfy(
				(part) -> assertThat(part.getData()).isEqualTo(java.util.Map.of("sockets", 2L, "closes", "kernel")));
	}

	private static InetSocket socket(int remotePort, SocketState state) {
		return new InetSocket(Protocol.TCP, IpAddress.ipv4(0x7f00_0001), 8080, IpAddress.ipv4(0x7f00_0001), remotePort,
				state, 0, 0, 0, remotePort, SocketTimer.OFF);
	}

	private static EventStreams.Sink sink(List<List<SseEmitter.SseEventBuilder>> sent) {
		return new EventStreams.Sink() {

			@Override
			public void send(List<SseEmitter.SseEventBuilder> events) {
				sent.add(events);
			}

			@Override
			public void end(SseEmitter.SseEventBuilder last) {
				sent.add(List.of(last));
			}

		};
	}

	/** An event as {@code kind remotePort source}. */
	private static String summary(SseEmitter.SseEventBuilder event) {
		StreamedSocket socket = event.build()
			.stream()
			.map((part) -> part.getData())
			.filter(StreamedSocket.class::isInstance)
			.map(StreamedSocket.class::cast)
			.findFirst()
			.orElseThrow();
		return socket.kind() + " " + socket.socket().socket().remotePort() + " " + socket.source();
	}

	private static List<StreamedSocket> changes(int count) {
		List<StreamedSocket> changes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			changes.add(new StreamedSocket("opened",
					ListedSocket.of(new InetSocket(Protocol.TCP, IpAddress.ipv4(0x7f00_0001), 40000 + i,
							IpAddress.ipv4(0x7f00_0001), 8080, SocketState.ESTABLISHED, 0, 0, 0, i, SocketTimer.OFF)),
					"snapshot", null));
		}
		return changes;
	}

	/** The event's text parts, as they go on the wire before the data's JSON. */
	private static String text(SseEmitter.SseEventBuilder event) {
		return event.build()
			.stream()
			.filter((part) -> part.getData() instanceof String)
			.map((part) -> (String) part.getData())
			.collect(Collectors.joining());
	}

}
