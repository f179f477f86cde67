package io.netstatd.live.streams;

import java.util.List;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.IpAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/** Snapshots compared as ss -E tells them. */
class SocketTableTests {

	private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

	@Test
	void takesABaselineThenTellsOpenedChangedAndClosed() {
		SocketTable changes = new SocketTable();
		InetSocket a = socket(40001, SocketState.ESTABLISHED);
		InetSocket b = socket(40002, SocketState.ESTABLISHED);
		InetSocket c = socket(40003, SocketState.SYN_SENT);

		assertThat(changes.next(List.of(a, b), 1)).isEmpty();
		assertThat(changes.taken()).isTrue();
		assertThat(changes.next(List.of(a, b), 2)).isEmpty();
		List<SocketTable.Change> next = changes.next(List.of(socket(40001, SocketState.FIN_WAIT1), c), 3);

		assertThat(next).extracting(SocketTable.Change::kind, (change) -> change.socket().localPort())
			.containsExactlyInAnyOrder(tuple(SocketTable.Kind.CHANGED, 40001), tuple(SocketTable.Kind.OPENED, 40003),
					tuple(SocketTable.Kind.CLOSED, 40002));
		assertThat(next).filteredOn((change) -> change.kind() == SocketTable.Kind.CHANGED)
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.before().state()).isEqualTo(SocketState.ESTABLISHED);
				assertThat(change.after().state()).isEqualTo(SocketState.FIN_WAIT1);
			});
		// a row keeps the time it was first seen while it stays; one new is seen now
		assertThat(changes.firstSeen(SocketTable.Key.of(a))).isEqualTo(1);
		assertThat(changes.firstSeen(SocketTable.Key.of(c))).isEqualTo(3);
		assertThat(changes.firstSeen(SocketTable.Key.of(b))).isNull();
		assertThat(changes.size()).isEqualTo(2);
	}

	@Test
	void aPassLeftUnfinishedChangesNothingTheNextOneTells() {
		SocketTable changes = new SocketTable();
		InetSocket a = socket(40001, SocketState.ESTABLISHED);
		InetSocket b = socket(40002, SocketState.ESTABLISHED);
		changes.next(List.of(a, b), 1);
		InetSocket aClosing = socket(40001, SocketState.FIN_WAIT1);
		InetSocket c = socket(40003, SocketState.SYN_SENT);

		// a dump that failed half way: it saw a's move and c, then nothing
		SocketTable.Pass failed = changes.begin();
		failed.accept(aClosing);
		failed.accept(c);
		SocketTable.Pass again = changes.begin();
		List.of(aClosing, c, b).forEach(again);
		List<SocketTable.Change> next = again.finish(2);

		assertThat(next).extracting(SocketTable.Change::kind, (change) -> change.socket().localPort())
			.containsExactly(tuple(SocketTable.Kind.CHANGED, 40001), tuple(SocketTable.Kind.OPENED, 40003));
		assertThat(next.get(0).before()).isEqualTo(a);
		assertThat(changes.firstSeen(SocketTable.Key.of(c))).isEqualTo(2);
		assertThat(changes.size()).isEqualTo(3);
		assertThatIllegalStateException().isThrownBy(() -> failed.finish(3));
	}

	@Test
	void aKeyReadTwiceInOneSnapshotOpensOnce() {
		SocketTable changes = new SocketTable();
		changes.next(List.of(), 1);
		InetSocket a = socket(40001, SocketState.ESTABLISHED);

		List<SocketTable.Change> next = changes.next(List.of(a, socket(40001, SocketState.CLOSE_WAIT)), 2);

		assertThat(next).singleElement().satisfies((change) -> {
			assertThat(change.kind()).isEqualTo(SocketTable.Kind.OPENED);
			assertThat(change.after()).isSameAs(a);
		});
		assertThat(changes.row(SocketTable.Key.of(a))).isEqualTo(a);
	}

	private static InetSocket socket(int port, SocketState state) {
		return new InetSocket(Protocol.TCP, LOOPBACK, port, LOOPBACK, 8080, state, 0, 0, 0, port, null);
	}

}
