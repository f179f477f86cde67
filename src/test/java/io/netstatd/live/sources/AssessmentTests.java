package io.netstatd.live.sources;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.live.closed.ClosedRecorder;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.report.Skipped;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signals from samples of the kernel's counters and a port's sockets, without Linux.
 */
class AssessmentTests {

	private static final SourcesQuery PORT_80 = new SourcesQuery(new PortSet(List.of(new PortRange(80, 80))),
			Duration.ofSeconds(60), 20, null, null);

	/**
	 * Two reads of {@code /proc/net/netstat}'s TcpExt a minute apart on a host under a
	 * SYN flood: ListenOverflows, ListenDrops, SyncookiesSent.
	 */
	private static final FloodCounters.Growth FLOODED = FloodCounters.Growth.between(
			new FloodCounters.Sample(0, new long[] { 1041, 1041, 0 }),
			new FloodCounters.Sample(Duration.ofSeconds(60).toNanos(), new long[] { 1109, 1113, 37 }));

	private static final FloodCounters.Growth QUIET = FloodCounters.Growth.between(
			new FloodCounters.Sample(0, new long[] { 1041, 1041, 0 }),
			new FloodCounters.Sample(Duration.ofSeconds(60).toNanos(), new long[] { 1041, 1041, 0 }));

	@Test
	void namesEachSignalWithTheFiguresThatCrossedItsThreshold() {
		SourceTally tally = new SourceTally();
		tally.accept(socket("0.0.0.0", 0, SocketState.LISTEN, 129, 128));
		for (int i = 0; i < 25; i++) {
			tally.accept(socket("203.0.113.7", 40000 + i, SocketState.ESTABLISHED, 0, 0));
		}
		for (int i = 0; i < 120; i++) {
			tally.accept(socket("198.51.100." + (i % 100 + 1), 50000 + i, SocketState.SYN_RECV, 0, 0));
		}
		tally.result(Skipped.NONE);

		Sources answer = Assessment.of(PORT_80, tally, closes(Map.of()), FLOODED);

		assertThat(answer.signals()).extracting(Signal::kind)
			.containsExactly("accept-queue-full", "listen-overflows", "syn-flood", "syn-flood");
		assertThat(answer.signals()).extracting(Signal::line)
			.containsExactly(
					"accept-queue-full 0.0.0.0:80: 129 connections wait to be accepted, the listener's backlog is 128: "
							+ "the kernel drops the next ones",
					"listen-overflows host: TcpExt ListenOverflows +68, ListenDrops +72 in the last 60 s, on every "
							+ "port of the host",
					"syn-flood host: TcpExt SyncookiesSent +37 in the last 60 s: a SYN queue was full",
					"syn-flood port 80: 120 half-open connections (SYN_RECV), 100 or more");
		assertThat(answer.countersSeconds()).isEqualTo(60);
		assertThat(answer.connections()).isEqualTo(145);
		// 203.0.113.7 holds 25 of 145: not half
		assertThat(answer.sources().get(0))
			.isEqualTo(new Source("203.0.113.7", 25, 25, Map.of("ESTABLISHED", 25L), 0, 0, 0, null, null));
	}

	@Test
	void namesOneSourceWithHalfTheConnectionsOrCloses() {
		SourceTally tally = new SourceTally();
		tally.accept(socket("127.0.0.1", 0, SocketState.LISTEN, 0, 4096));
		for (int i = 0; i < 30; i++) {
			tally.accept(socket("10.0.0.5", 40000 + i, SocketState.ESTABLISHED, 0, 0));
		}
		tally.accept(socket("10.0.0.6", 41000, SocketState.ESTABLISHED, 0, 0));
		tally.result(Skipped.NONE);

		Sources answer = Assessment.of(PORT_80, tally, closes(Map.of(IpAddress.parse("10.0.0.9"),
				new long[] { 150, 15150, 300 }, IpAddress.parse("10.0.0.6"), new long[] { 50, 5050, 100 })), QUIET);

		assertThat(answer.signals()).extracting(Signal::line)
			.containsExactly(
					"connection-flood port 80: 10.0.0.9 closed 150 of the 200 connections closed in the window (75 %)",
					"connection-flood port 80: 10.0.0.5 holds 30 of the 31 connections (97 %)");
		assertThat(answer.sources()).extracting(Source::ip, Source::score)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.9", 150L),
					org.assertj.core.groups.Tuple.tuple("10.0.0.6", 51L),
					org.assertj.core.groups.Tuple.tuple("10.0.0.5", 30L));
		assertThat(answer.closed()).isEqualTo(200);
	}

	@Test
	void saysWhenItsCountersCoverLessThanTheWindow() {
		FloodCounters.Growth young = FloodCounters.Growth.between(new FloodCounters.Sample(0, new long[] { 1, 1, 0 }),
				new FloodCounters.Sample(Duration.ofSeconds(12).toNanos(), new long[] { 1, 1, 0 }));
		SourceTally tally = new SourceTally().result(Skipped.NONE);

		Sources answer = Assessment.of(PORT_80, tally, closes(Map.of()), young);

		assertThat(answer.countersSeconds()).isEqualTo(12);
		assertThat(answer.complete()).isFalse();
		assertThat(answer.signals()).isEmpty();
		assertThat(answer.plain()).isEqualTo("\nno signal\n");
	}

	private static ClosedRecorder.ByRemote closes(Map<IpAddress, long[]> sums) {
		return new ClosedRecorder.ByRemote(sums, true);
	}

	private static InetSocket socket(String remote, int remotePort, SocketState state, long recvQ, long sendQ) {
		boolean listener = state == SocketState.LISTEN;
		InetSocket socket = new InetSocket(Protocol.TCP,
				listener ? IpAddress.parse(remote) : IpAddress.parse("192.0.2.1"), 80,
				listener ? IpAddress.IPV4_ANY : IpAddress.parse(remote), remotePort, state, recvQ, 0, 0, 1, null);
		// a listener's backlog, as sock_diag gives it beside the row
		return listener ? socket.withDetails(new SockDiagDetails(1, null, null, null, null, sendQ)) : socket;
	}

}
