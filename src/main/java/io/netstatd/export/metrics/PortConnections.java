package io.netstatd.export.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.TcpInfo;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * How the clients of each listening port are doing, from their connections'
 * {@code tcp_info} at the scrape: the round-trip times of the established connections
 * whose local port is a TCP listener's, as a gauge histogram per port, and the segments
 * they have retransmitted. Only listening ports, and of those the ones with most
 * connections, at most {@code netstatd.metrics.connection-ports}: the series stay bounded
 * whatever the host does.
 */
final class PortConnections {

	/** Round-trip time buckets, seconds: loopback and LAN to across the world. */
	static final double[] RTT_BUCKETS = { 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
			Double.POSITIVE_INFINITY };

	private PortConnections() {
	}

	/**
	 * Closed connections and their bytes per listening port, since the service started
	 * ({@link io.netstatd.live.closed.ClosedRecorder}): the ports listening now with most
	 * closes, at most {@code maxPorts}.
	 * @param tcp the TCP sockets of the scrape, for the listening ports
	 * @param closedByPort closes, bytes sent and received, by local port
	 * @param maxPorts how many ports at most
	 * @return the counters
	 */
	static List<MetricSnapshot> closed(List<InetSocket> tcp, Map<Integer, long[]> closedByPort, int maxPorts) {
		Set<Integer> listening = PortRemotes.listening(tcp).ports();
		List<Integer> ports = closedByPort.keySet()
			.stream()
			.filter(listening::contains)
			.sorted(Comparator.comparingLong((Integer port) -> closedByPort.get(port)[0]).reversed())
			.limit(maxPorts)
			.sorted()
			.toList();
		CounterSnapshot.Builder connections = CounterSnapshot.builder()
			.name("netstatd_tcp_closed_connections")
			.help("TCP connections to a listening port the kernel destroyed since the service started "
					+ "(destroy notices)");
		CounterSnapshot.Builder bytes = CounterSnapshot.builder()
			.name("netstatd_tcp_closed_bytes")
			.help("Bytes the closed connections to a listening port sent (acknowledged) and received");
		for (int port : ports) {
			long[] counts = closedByPort.get(port);
			String label = Integer.toString(port);
			connections.dataPoint(
					CounterDataPointSnapshot.builder().labels(Labels.of("port", label)).value(counts[0]).build());
			bytes.dataPoint(CounterDataPointSnapshot.builder()
				.labels(Labels.of("direction", "sent", "port", label))
				.value(counts[1])
				.build());
			bytes.dataPoint(CounterDataPointSnapshot.builder()
				.labels(Labels.of("direction", "received", "port", label))
				.value(counts[2])
				.build());
		}
		return List.of(connections.build(), bytes.build());
	}

	/**
	 * The established connections of the listening ports, given one at a time: per port
	 * their number, the rtt histogram's buckets and sum, and their retransmissions; not
	 * the connections, nor their {@code tcp_info}.
	 */
	static final class Tally implements Consumer<InetSocket> {

		private final Listeners listening;

		// by port, ascending: ties in size keep the lower port first
		private final Map<Integer, Port> byPort = new TreeMap<>();

		/**
		 * A tally of the connections of {@code listening}.
		 * @param listening the listening ports, known before the connections are given
		 */
		Tally(Listeners listening) {
			this.listening = listening;
		}

		@Override
		public void accept(InetSocket socket) {
			TcpInfo info = (socket.details() != null) ? socket.details().tcpInfo() : null;
			if (info != null && socket.state() == SocketState.ESTABLISHED && this.listening.accepted(socket)) {
				this.byPort.computeIfAbsent(socket.localPort(), (port) -> new Port()).add(info);
			}
		}

		/** The round-trip time histogram and the retransmissions gauge. */
		List<MetricSnapshot> snapshots(int maxPorts) {
			List<Integer> ports = this.byPort.keySet()
				.stream()
				.sorted(Comparator.comparingLong((Integer port) -> this.byPort.get(port).connections).reversed())
				.limit(maxPorts)
				.sorted()
				.toList();
			HistogramSnapshot.Builder rtt = HistogramSnapshot.builder()
				.name("netstatd_tcp_connection_rtt_seconds")
				.help("Smoothed round-trip time of the established connections to a listening port, now (tcp_info rtt)")
				.gaugeHistogram(true);
			GaugeSnapshot.Builder retransmitted = GaugeSnapshot.builder()
				.name("netstatd_tcp_connection_retransmitted_segments")
				.help("Segments the established connections to a listening port have retransmitted over their "
						+ "lives (sum of tcp_info total_retrans)");
			for (int port : ports) {
				Labels labels = Labels.of("port", Integer.toString(port));
				Port connections = this.byPort.get(port);
				rtt.dataPoint(HistogramDataPointSnapshot.builder()
					.labels(labels)
					.classicHistogramBuckets(ClassicHistogramBuckets.of(RTT_BUCKETS, connections.buckets))
					.sum(connections.sum)
					.build());
				retransmitted
					.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(connections.retransmits).build());
			}
			return List.of(rtt.build(), retransmitted.build());
		}

	}

	/** One port's established connections, counted. */
	private static final class Port {

		private final long[] buckets = new long[RTT_BUCKETS.length];

		private long connections;

		private double sum;

		private long retransmits;

		void add(TcpInfo info) {
			double seconds = info.rtt() / 1000;
			this.sum += seconds;
			int bucket = 0;
			while (seconds > RTT_BUCKETS[bucket]) {
				bucket++;
			}
			this.buckets[bucket]++;
			this.connections++;
			this.retransmits += info.totalRetransmits();
		}

	}

}
