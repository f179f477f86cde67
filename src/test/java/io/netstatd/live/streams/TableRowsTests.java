package io.netstatd.live.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The table's rows as columns: each reads back equal to what was put, and is found. */
class TableRowsTests {

	private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

	private static final IpAddress V6 = IpAddress.parse("2001:db8::1");

	static Stream<Arguments> rows() {
		InetSocket plain = new InetSocket(Protocol.TCP, LOOPBACK, 8080, IpAddress.parse("127.0.0.2"), 40000,
				SocketState.ESTABLISHED, 0, 0, 0, 123, SocketTimer.OFF);
		return Stream.of(Arguments.of("procfs row, no details", plain),
				Arguments.of("sock_diag row", plain.withDetails(new SockDiagDetails(1L << 40, 77L, 0L, null, null))),
				Arguments.of("no cgroup, no mark", plain.withDetails(new SockDiagDetails(5, null, null, null, null))),
				Arguments.of("the largest mark",
						plain.withDetails(new SockDiagDetails(5, 1L, 0xffff_ffffL, null, null))),
				Arguments.of("the largest u32 queues and uid",
						new InetSocket(Protocol.TCP6, V6, 65535, IpAddress.IPV6_ANY, 0, SocketState.LISTEN,
								0xffff_ffffL, 0xffff_ffffL, 0xffff_ffffL, Long.MAX_VALUE,
								new SocketTimer(SocketTimer.Kind.ON, 0.2, 1, 0), 4026531840L, null)),
				Arguments.of("a queue past 32 bits, held whole",
						new InetSocket(Protocol.UDP, LOOPBACK, 53, IpAddress.IPV4_ANY, 0, SocketState.CLOSE, 1L << 32,
								0, 0, 9, null)),
				Arguments.of("a listener's backlog, held whole",
						plain.withDetails(new SockDiagDetails(5, 1L, 0L, null, null, 128L))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void aRowReadsBackEqualAndIsFoundByItsEnds(String name, InetSocket socket) {
		TableRows rows = new TableRows();
		rows.add(socket, 7, 1);

		int row = rows.find(socket);
		assertThat(row).isZero();
		assertThat(rows.get(row)).isEqualTo(socket);
		assertThat(rows.holds(row, socket)).isTrue();
		assertThat(rows.state(row)).isEqualTo(socket.state());
		assertThat(rows.since(row)).isEqualTo(7);
		InetSocket moved = new InetSocket(socket.protocol(), socket.localAddress(), socket.localPort(),
				socket.remoteAddress(), socket.remotePort(), socket.state(), socket.recvQ() + 1, socket.sendQ(),
				socket.uid(), socket.inode(), socket.timer(), socket.netns(), socket.details());
		assertThat(rows.holds(row, moved)).isFalse();
		rows.set(row, moved);
		assertThat(rows.get(row)).isEqualTo(moved);
		assertThat(rows.holds(row, moved)).isTrue();
	}

	/**
	 * Adds, updates and removes at random over a small space of ends (so slots collide
	 * and removals move entries back), against a map doing the same.
	 */
	@Test
	void agreesWithAMapThroughAddsUpdatesAndRemovals() {
		Random random = new Random(20261205);
		TableRows rows = new TableRows();
		Map<Integer, InetSocket> model = new HashMap<>();
		for (int step = 0; step < 200_000; step++) {
			int port = random.nextInt(3_000);
			InetSocket socket = socket(port, random.nextInt(3));
			int row = rows.find(socket);
			assertThat(row >= 0).isEqualTo(model.containsKey(port));
			if (row < 0) {
				rows.add(socket, step, step);
				model.put(port, socket);
			}
			else if (random.nextInt(3) == 0) {
				assertThat(rows.get(row)).isEqualTo(model.remove(port));
				rows.remove(row);
				if (random.nextInt(50) == 0) {
					rows.trim();
				}
			}
			else {
				rows.set(row, socket);
				model.put(port, socket);
			}
		}
		assertThat(rows.size()).isEqualTo(model.size());
		List<InetSocket> held = new ArrayList<>();
		for (int row = 0; row < rows.size(); row++) {
			held.add(rows.get(row));
			assertThat(rows.find(rows.get(row))).isEqualTo(row);
		}
		assertThat(held).containsExactlyInAnyOrderElementsOf(model.values());
		// every row removed, from the last down as a snapshot's closes are: none is left
		for (int row = rows.size() - 1; row >= 0; row--) {
			rows.remove(row);
		}
		rows.trim();
		assertThat(rows.size()).isZero();
		assertThat(rows.find(socket(1, 0))).isEqualTo(-1);
	}

	private static InetSocket socket(int port, int version) {
		// a row in ten of another namespace, from the first one added on
		long netns = (port % 10 == 0) ? 4026531840L : 0;
		return new InetSocket(Protocol.TCP, LOOPBACK, 8080, LOOPBACK, port, SocketState.ESTABLISHED, version, 0, 0,
				port, null, netns, new SockDiagDetails(port, 1L, (long) version, null, null));
	}

}
