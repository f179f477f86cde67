package io.netstatd.core.stats;

import java.util.List;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateCountsTests {

	private static final Skipped NONE = Skipped.of(List.of());

	@Test
	void countsEveryStateZerosIncludedLargestFirstTiesInKernelOrder() {
		List<InetSocket> sockets = List.of(socket(SocketState.ESTABLISHED), socket(SocketState.TIME_WAIT),
				socket(SocketState.ESTABLISHED), socket(SocketState.LISTEN), socket(SocketState.TIME_WAIT),
				socket(SocketState.ESTABLISHED));

		StateCounts counts = StateCounts.of(sockets, NONE);

		assertThat(counts.total()).isEqualTo(6);
		assertThat(counts.states()).extracting((c) -> c.state() + "=" + c.count())
			.containsExactly("ESTABLISHED=3", "TIME_WAIT=2", "LISTEN=1", "SYN_SENT=0", "SYN_RECV=0", "FIN_WAIT1=0",
					"FIN_WAIT2=0", "CLOSE=0", "CLOSE_WAIT=0", "LAST_ACK=0", "CLOSING=0");
	}

	@Test
	void listsUnknownOnlyWhenSomeSocketIsInIt() {
		StateCounts counts = StateCounts.of(List.of(socket(SocketState.UNKNOWN)), NONE);

		assertThat(counts.states()).hasSize(12).first().isEqualTo(new StateCounts.StateCount(SocketState.UNKNOWN, 1));
		assertThat(StateCounts.of(List.of(), NONE).states()).hasSize(11)
			.allSatisfy((c) -> assertThat(c.count()).isZero());
	}

	private static InetSocket socket(SocketState state) {
		return new InetSocket(Protocol.TCP, IpAddress.ipv4(0x7f000001), 80, IpAddress.ipv4(0x7f000002), 40000, state, 0,
				0, 0, 1, SocketTimer.OFF);
	}

}
