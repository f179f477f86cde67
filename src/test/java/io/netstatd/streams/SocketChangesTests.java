package io.netstatd.streams;

import java.util.List;

import io.netstatd.inet.IpAddress;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.SocketState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Snapshots compared as ss -E tells them. */
class SocketChangesTests {

	private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

	@Test
	void takesABaselineThenTellsOpenedChangedAndClosed() {
		SocketChanges changes = new SocketChanges();
		InetSocket a = socket(40001, SocketState.ESTABLISHED);
		InetSocket b = socket(40002, SocketState.ESTABLISHED);
		InetSocket c = socket(40003, SocketState.SYN_SENT);

		assertThat(changes.next(List.of(a, b))).isNull();
		assertThat(changes.next(List.of(a, b))).isEmpty();
		List<SocketChanges.Change> next = changes.next(List.of(socket(40001, SocketState.FIN_WAIT1), c));

		assertThat(next).extracting(SocketChanges.Change::kind, (change) -> change.socket().localPort())
			.containsExactlyInAnyOrder(tuple("changed", 40001), tuple("opened", 40003), tuple("closed", 40002));
		assertThat(next).filteredOn((change) -> change.kind().equals("changed"))
			.singleElement()
			.extracting((change) -> change.socket().state())
			.isEqualTo(SocketState.FIN_WAIT1);
	}

	private static InetSocket socket(int port, SocketState state) {
		return new InetSocket(Protocol.TCP, LOOPBACK, port, LOOPBACK, 8080, state, 0, 0, 0, port, null);
	}

}
