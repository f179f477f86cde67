package io.netstatd.live.closed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring of closes: bounded, and honest about what it lost (a wrap inside the window, a
 * window older than the recorder, notices the kernel dropped).
 */
class ClosedRecorderTests {

	private final List<InetSocket> pending = new ArrayList<>();

	private long missed;

	private final DestroyedSockets source = new DestroyedSockets() {

		@Override
		public Subscription subscribe() {
			return new Subscription() {

				@Override
				public List<InetSocket> drain() {
					List<InetSocket> drained = List.copyOf(ClosedRecorderTests.this.pending);
					ClosedRecorderTests.this.pending.clear();
					return drained;
				}

				@Override
				public long missed() {
					long count = ClosedRecorderTests.this.missed;
					ClosedRecorderTests.this.missed = 0;
					return count;
				}

				@Override
				public void keepTcpInfo(boolean keep) {
				}

				@Override
				public void close() {
				}

			};
		}

		@Override
		public long lost() {
			return 0;
		}

		@Override
		public String source() {
			return "kernel";
		}

	};

	@Test
	void keepsTheNewestAndSaysWhenTheRingWrappedInsideTheWindow() throws InterruptedException {
		ClosedRecorder recorder = new ClosedRecorder(this.source, new ClosedProperties(3), null, null);
		Thread.sleep(5);
		long since = System.nanoTime();
		for (int port = 1; port <= 5; port++) {
			this.pending.add(connection(port));
		}
		recorder.drain();

		ClosedRecorder.Window window = recorder.since(since);

		assertThat(window.closed()).extracting(ClosedConnection::remotePort).containsExactly(3, 4, 5);
		assertThat(window.complete()).isFalse();
		recorder.stop();
	}

	@Test
	void isCompleteOnlyForAWindowItRanAllOfWithoutLosses() throws InterruptedException {
		ClosedRecorder recorder = new ClosedRecorder(this.source, new ClosedProperties(10), null, null);
		long before = System.nanoTime() - Duration.ofSeconds(1).toNanos();
		Thread.sleep(5);
		long since = System.nanoTime();
		this.pending.add(connection(7));
		recorder.drain();

		assertThat(recorder.since(since).complete()).isTrue();
		assertThat(recorder.since(before).complete()).isFalse();
		this.missed = -1;
		recorder.drain();
		assertThat(recorder.since(since).complete()).isFalse();
		assertThat(recorder.totalsByPort(Set.of(8080)).get(8080)).containsExactly(1, 0, 0);
		// a port no longer listening is dropped: the counts stay bounded
		assertThat(recorder.totalsByPort(Set.of(9090))).isEmpty();
		recorder.stop();
	}

	@Test
	void leavesOutListenersAndUdp() {
		assertThat(ClosedConnection.of(new InetSocket(Protocol.TCP, IpAddress.parse("127.0.0.1"), 8080,
				IpAddress.IPV4_ANY, 0, SocketState.CLOSE, 0, 0, 0, 0, SocketTimer.OFF), 0))
			.isNull();
		assertThat(ClosedConnection.of(new InetSocket(Protocol.UDP, IpAddress.parse("127.0.0.1"), 53,
				IpAddress.parse("127.0.0.2"), 5353, SocketState.ESTABLISHED, 0, 0, 0, 0, SocketTimer.OFF), 0))
			.isNull();
	}

	private static InetSocket connection(int remotePort) {
		return new InetSocket(Protocol.TCP, IpAddress.parse("127.0.0.1"), 8080, IpAddress.parse("127.0.0.2"),
				remotePort, SocketState.CLOSE, 0, 0, 0, 0, SocketTimer.OFF);
	}

}
