package io.netstatd.export.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.netstatd.kernel.cgroups.CgroupPaths;
import io.netstatd.kernel.containers.Containers;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.TcpInfo;
import io.netstatd.kernel.socket.netlink.TcpInfoParser;
import io.netstatd.live.closed.ClosedRecorder;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;
import io.netstatd.views.counters.Counters;
import io.netstatd.views.counters.CountersRepository;
import io.netstatd.views.counters.ProcNetSockstatParser;
import io.netstatd.views.interfaces.InterfacesRepository;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The metrics formatted from one snapshot the test builds, without a Spring context: the
 * exposition Prometheus reads, line for line where the test controls the input.
 */
class HostMetricsTests {

	@Test
	void formatsOneSnapshot() throws IOException {
		List<InetSocket> tcp = List.of(socket(SocketState.LISTEN, 8080, 3), socket(SocketState.ESTABLISHED, 8080, 0),
				socket(SocketState.ESTABLISHED, 8080, 0), socket(SocketState.TIME_WAIT, 8080, 0));
		Counters sockstat = Counters.of(ProcNetSockstatParser.parse(ProcFile.of("sockstat",
				Files.readString(Path.of("src/test/resources/procfs/counters/sockstat-malformed")))));
		Counters protocols = new Counters(Map.of("TcpExt", Map.of("ListenOverflows", 7L)), Skipped.NONE);
		SkippedLineCounter skipped = new SkippedLineCounter(new ProcfsProperties(Path.of("/proc")));
		skipped.count("/proc/net/tcp", Skipped.of(List.of(new SkippedLine("/proc/net/tcp", 3, "bad", "x"),
				new SkippedLine("/proc/net/tcp", 9, "bad", "y"))));
		skipped.count("/proc/net/snmp", Skipped.NONE);

		String text = render(tcp, (tally) -> new HostMetrics.Snapshot(tally, sockstat, protocols, skipped.totals()),
				20);

		assertThat(text).contains("netstatd_tcp_connections{state=\"ESTABLISHED\"} 2.0\n")
			.contains("netstatd_tcp_connections{state=\"LISTEN\"} 1.0\n")
			.contains("netstatd_tcp_connections{state=\"CLOSING\"} 0.0\n")
			.contains("netstatd_tcp_listen_queue_length{address=\"127.0.0.1\",port=\"8080\",protocol=\"tcp\"} 3.0\n")
			.contains("netstatd_tcp_listen_overflows_total 7.0\n")
			.contains("netstatd_sockstat_sockets_used 211.0\n")
			.contains("netstatd_sockstat_time_wait{protocol=\"tcp\"} 3.0\n")
			.contains("netstatd_sockstat_mem_pages{protocol=\"tcp\"} 1.0\n")
			.contains("netstatd_skipped_lines_total{file=\"/proc/net/snmp\"} 0.0\n")
			.contains("netstatd_skipped_lines_total{file=\"/proc/net/tcp\"} 2.0\n")
			// a counter this kernel lacks is left out, not shown as 0
			.doesNotContain("netstatd_tcp_retransmitted_segments_total");
		assertThat(text.lines().filter((line) -> line.startsWith("netstatd_tcp_connections{"))).hasSize(11);
	}

	@Test
	void summarizesTheConnectionsOfTheBusiestListeningPorts() throws IOException {
		List<InetSocket> tcp = List.of(socket(SocketState.LISTEN, 8080, 0), socket(SocketState.LISTEN, 9090, 0),
				connection(8080, 200, 0), connection(8080, 800, 2), connection(8080, 30_000, 5),
				connection(9090, 50, 1), connection(7000, 1, 9));
		Counters none = new Counters(Map.of(), Skipped.NONE);

		String text = render(tcp, (tally) -> new HostMetrics.Snapshot(tally, none, none, Map.of()), 1);

		// 8080 has most connections; 9090 is past the one port allowed; 7000 listens not
		assertThat(text.lines().filter((line) -> line.startsWith("netstatd_tcp_connection_")))
			.contains("netstatd_tcp_connection_rtt_seconds_bucket{port=\"8080\",le=\"1.0E-4\"} 0",
					"netstatd_tcp_connection_rtt_seconds_bucket{port=\"8080\",le=\"5.0E-4\"} 1",
					"netstatd_tcp_connection_rtt_seconds_bucket{port=\"8080\",le=\"0.001\"} 2",
					"netstatd_tcp_connection_rtt_seconds_bucket{port=\"8080\",le=\"0.025\"} 2",
					"netstatd_tcp_connection_rtt_seconds_bucket{port=\"8080\",le=\"0.05\"} 3",
					"netstatd_tcp_connection_rtt_seconds_bucket{port=\"8080\",le=\"+Inf\"} 3",
					"netstatd_tcp_connection_retransmitted_segments{port=\"8080\"} 7.0")
			.noneMatch((line) -> line.contains("9090") || line.contains("7000"));
	}

	@Test
	void listenersSharingAnAddressAndPortAreOneSeriesTheirQueuesSummed() throws IOException {
		// two SO_REUSEPORT listeners on one port, as nginx's reuseport opens them
		List<InetSocket> tcp = List.of(socket(SocketState.LISTEN, 8080, 3), socket(SocketState.LISTEN, 8080, 4),
				socket(SocketState.LISTEN, 9090, 1));
		Counters none = new Counters(Map.of(), Skipped.NONE);

		String text = render(tcp, (tally) -> new HostMetrics.Snapshot(tally, none, none, Map.of()), 20);

		assertThat(text.lines().filter((line) -> line.startsWith("netstatd_tcp_listen_"))).containsExactly(
				"netstatd_tcp_listen_queue_length{address=\"127.0.0.1\",port=\"8080\",protocol=\"tcp\"} 7.0",
				"netstatd_tcp_listen_queue_length{address=\"127.0.0.1\",port=\"9090\",protocol=\"tcp\"} 1.0",
				"netstatd_tcp_listen_sockets{address=\"127.0.0.1\",port=\"8080\",protocol=\"tcp\"} 2.0",
				"netstatd_tcp_listen_sockets{address=\"127.0.0.1\",port=\"9090\",protocol=\"tcp\"} 1.0");
		assertThat(text).contains("netstatd_scrape_collector_success{collector=\"tcp\"} 1.0\n");
	}

	@Test
	void aThousandListenersAddABoundedNumberOfSeries() throws IOException {
		Counters none = new Counters(Map.of(), Skipped.NONE);
		List<InetSocket> few = new java.util.ArrayList<>();
		List<InetSocket> many = new java.util.ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			InetSocket listener = socket(SocketState.LISTEN, 10_000 + i, i % 7);
			many.add(listener);
			if (i < 20) {
				few.add(listener);
			}
		}

		String text = render(many, (tally) -> new HostMetrics.Snapshot(tally, none, none, Map.of()), 20);
		long fewSeries = series(render(few, (tally) -> new HostMetrics.Snapshot(tally, none, none, Map.of()), 20));

		// the 20 fullest queues (6 waiting: ports 10006, 10013, ...) and one "other"
		assertThat(text.lines().filter((line) -> line.startsWith("netstatd_tcp_listen_queue_length{"))).hasSize(21)
			.startsWith("netstatd_tcp_listen_queue_length{address=\"127.0.0.1\",port=\"10006\",protocol=\"tcp\"} 6.0")
			.endsWith("netstatd_tcp_listen_queue_length{address=\"other\",port=\"other\",protocol=\"other\"} "
					+ (sumOfQueues(1000) - 20 * 6) + ".0");
		// a thousand listeners cost the two "other" series over twenty: the bound of
		// netstatd.metrics.ports whatever the host holds
		assertThat(series(text)).isEqualTo(fewSeries + 2);
	}

	@Test
	void aCollectorThatFailsLeavesOutOnlyItsOwnFamilies() throws IOException {
		SocketService sockets = mock(SocketService.class);
		given(sockets.read(any(), any())).willThrow(new IllegalStateException("a table in a shape not foreseen"));
		CountersRepository counters = mock(CountersRepository.class);
		given(counters.sockets()).willReturn(new Counters(Map.of("sockets", Map.of("used", 5L)), Skipped.NONE));
		given(counters.protocols())
			.willReturn(new Counters(Map.of("TcpExt", Map.of("ListenOverflows", 7L)), Skipped.NONE));
		ClosedRecorder closed = mock(ClosedRecorder.class);
		@SuppressWarnings("unchecked")
		ObjectProvider<PrometheusRegistry> registry = mock(ObjectProvider.class);
		HostMetrics metrics = new HostMetrics(sockets, counters,
				new SkippedLineCounter(new ProcfsProperties(Path.of("/proc"))), MetricsProperties.defaults(), closed,
				DestroyedSockets.NONE, mock(CgroupPaths.class), mock(Containers.class),
				mock(InterfacesRepository.class), KernelFamiliesProperties.defaults(), new NodeName("n1"), registry);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, metrics.collect(), EscapingScheme.ALLOW_UTF8);
		String text = out.toString(StandardCharsets.UTF_8);

		// every series names the node
		assertThat(text).contains("netstatd_sockstat_sockets_used{node=\"n1\"} 5.0\n")
			.contains("netstatd_tcp_listen_overflows_total{node=\"n1\"} 7.0\n")
			.contains("netstatd_scrape_collector_success{collector=\"tcp\",node=\"n1\"} 0.0\n")
			.contains("netstatd_scrape_collector_success{collector=\"sockstat\",node=\"n1\"} 1.0\n")
			.contains("netstatd_scrape_collector_success{collector=\"protocols\",node=\"n1\"} 1.0\n")
			.contains("netstatd_scrape_collector_success{collector=\"skipped_lines\",node=\"n1\"} 1.0\n")
			.contains("netstatd_scrape_collector_duration_seconds{collector=\"tcp\",node=\"n1\"} ")
			.doesNotContain("netstatd_tcp_connections")
			.doesNotContain("netstatd_tcp_listen_queue_length");
	}

	private static long sumOfQueues(int listeners) {
		long sum = 0;
		for (int i = 0; i < listeners; i++) {
			sum += i % 7;
		}
		return sum;
	}

	/** The series of {@code netstatd_} families in an exposition. */
	private static long series(String text) {
		return text.lines().filter((line) -> line.startsWith("netstatd_")).count();
	}

	/**
	 * An established connection to {@code port} with this rtt (µs) and retransmissions.
	 */
	private static InetSocket connection(int port, int rttMicros, int retransmits) {
		// tcp_info as the kernel lays it out: tcpi_rtt at 68, tcpi_total_retrans at 100
		ByteBuffer info = ByteBuffer.allocate(232).order(ByteOrder.nativeOrder());
		info.putInt(68, rttMicros).putInt(100, retransmits);
		TcpInfo tcpInfo = TcpInfoParser.parse(info, 0, 232, "cubic");
		return socket(SocketState.ESTABLISHED, port, 0)
			.withDetails(new SockDiagDetails(port * 10L, 1L, null, tcpInfo, null));
	}

	private static InetSocket socket(SocketState state, int port, long recvQ) {
		IpAddress loopback = IpAddress.parse("127.0.0.1");
		return new InetSocket(Protocol.TCP, loopback, port,
				(state == SocketState.LISTEN) ? IpAddress.IPV4_ANY : loopback,
				(state == SocketState.LISTEN) ? 0 : 40000, state, recvQ, 0, 0, 1, null);
	}

	/**
	 * The exposition of a scrape of {@code tcp}, the sockets tallied as a scrape does.
	 */
	private static String render(List<InetSocket> tcp, Function<HostMetrics.TcpTally, HostMetrics.Snapshot> snapshot,
			int connectionPorts) throws IOException {
		MetricsProperties bounds = new MetricsProperties(connectionPorts, 20, java.util.List.of(), 10,
				java.util.List.of(32, 128));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create()
			.write(out, HostMetrics.format(snapshot.apply(HostMetrics.TcpTally.of(tcp, bounds)), bounds),
					EscapingScheme.ALLOW_UTF8);
		return out.toString(StandardCharsets.UTF_8);
	}

}
