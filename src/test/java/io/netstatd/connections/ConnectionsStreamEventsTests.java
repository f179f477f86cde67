package io.netstatd.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.netstatd.inet.IpAddress;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.SocketState;
import io.netstatd.socket.SocketTimer;
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
