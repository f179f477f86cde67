package io.netstatd.export.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.IpAddress;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * Which remote addresses hammer each listening port, in a number of series that stays
 * bounded: per port (the busiest {@code ports}, or the configured list), the top
 * {@code topRemotes} remote addresses (or blocks) by established connections and one
 * {@code remote="other"} series with the rest, so the series of a port sum to its
 * established connections exactly; and the port's connections by state. A fleet's answer
 * is one query: {@code topk(20, sum by (remote)
 * (netstatd_tcp_remote_connections{port="443"}))}.
 */
final class PortRemotes {

	static final String OTHER = "other";

	private PortRemotes() {
	}

	/**
	 * The series of one scrape.
	 * @param tcp the TCP sockets of the scrape
	 * @param bounds how many ports and remotes, and how remotes are grouped
	 * @param owners the pod (or container) holding each listening port, where known
	 * @return the two gauges
	 */
	static List<MetricSnapshot> of(List<InetSocket> tcp, MetricsProperties bounds, Map<Integer, String> owners) {
		Tally tally = new Tally(listening(tcp), bounds);
		tcp.forEach(tally);
		return tally.snapshots(owners);
	}

	/** The local ports of the listeners among {@code tcp}. */
	static Listeners listening(List<InetSocket> tcp) {
		return Listeners.of(tcp);
	}

	/**
	 * The configured ports, or the busiest listening ones, by established connections.
	 */
	private static Set<Integer> ports(Set<Integer> listening, Map<Integer, Port> byPort, MetricsProperties bounds) {
		if (!bounds.portList().isEmpty()) {
			return new TreeSet<>(bounds.portList());
		}
		List<Integer> busiest = new ArrayList<>(listening);
		busiest.sort(
				Comparator.comparingLong((Integer port) -> byPort.containsKey(port) ? byPort.get(port).established : 0)
					.reversed()
					.thenComparing(Comparator.naturalOrder()));
		return new TreeSet<>(busiest.subList(0, Math.min(bounds.ports(), busiest.size())));
	}

	/**
	 * The label of a remote address: itself, or its block when grouped.
	 * @param address the remote address
	 * @param bounds the prefix lengths
	 * @return the label value
	 */
	static String remote(IpAddress address, MetricsProperties bounds) {
		int bits = bounds.remotePrefix().get(address.ipv4() ? 0 : 1);
		int width = address.ipv4() ? 32 : 128;
		if (bits >= width) {
			return address.toString();
		}
		IpAddress block;
		if (address.ipv4()) {
			long mask = (bits == 0) ? 0 : (0xffff_ffffL << (32 - bits)) & 0xffff_ffffL;
			block = IpAddress.ipv4((int) (address.low() & mask));
		}
		else {
			long highMask = (bits == 0) ? 0 : (bits >= 64) ? -1L : -1L << (64 - bits);
			long lowMask = (bits <= 64) ? 0 : -1L << (128 - bits);
			block = IpAddress.ipv6(address.high() & highMask, address.low() & lowMask);
		}
		return block + "/" + bits;
	}

	/** One port's connections. */
	private static final class Port {

		private final Map<SocketState, Long> states = new EnumMap<>(SocketState.class);

		private final Map<String, Long> remotes = new HashMap<>();

		private long established;

		void add(InetSocket socket, MetricsProperties bounds) {
			this.states.merge(socket.state(), 1L, Long::sum);
			if (socket.state() == SocketState.ESTABLISHED) {
				this.established++;
				this.remotes.merge(remote(socket.remoteAddress(), bounds), 1L, Long::sum);
			}
		}

		/** The top remotes by count (then by label), and other with the rest, always. */
		Map<String, Long> top(int limit) {
			List<Map.Entry<String, Long>> sorted = new ArrayList<>(this.remotes.entrySet());
			sorted
				.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
			Map<String, Long> top = new java.util.LinkedHashMap<>();
			long rest = this.established;
			for (Map.Entry<String, Long> remote : sorted.subList(0, Math.min(limit, sorted.size()))) {
				top.put(remote.getKey(), remote.getValue());
				rest -= remote.getValue();
			}
			top.put(OTHER, rest);
			return top;
		}

	}

	/**
	 * The connections of the listening ports (and the configured ones) counted as they
	 * are given, by state and remote: what the series need, not the sockets.
	 */
	static final class Tally implements Consumer<InetSocket> {

		private final Listeners listening;

		private final MetricsProperties bounds;

		private final Map<Integer, Port> byPort = new HashMap<>();

		/**
		 * A tally of the connections of {@code listening} and the configured ports.
		 * @param listening the listening ports, known before the connections are given
		 * (the kernel dumps an IPv4 connection to a dual-stack listener before the
		 * listener)
		 * @param bounds how many ports and remotes, and how remotes are grouped
		 */
		Tally(Listeners listening, MetricsProperties bounds) {
			this.listening = listening;
			this.bounds = bounds;
		}

		@Override
		public void accept(InetSocket socket) {
			int local = socket.localPort();
			if (socket.state() != SocketState.LISTEN
					&& (this.listening.accepted(socket) || this.bounds.portList().contains(local))) {
				this.byPort.computeIfAbsent(local, (p) -> new Port()).add(socket, this.bounds);
			}
		}

		/**
		 * The two gauges, the pod of each port labelled where {@code owners} knows it.
		 */
		List<MetricSnapshot> snapshots(Map<Integer, String> owners) {
			GaugeSnapshot.Builder remotes = GaugeSnapshot.builder()
				.name("netstatd_tcp_remote_connections")
				.help("Established TCP connections to a listening port by remote address (or block, "
						+ "netstatd.metrics.remote-prefix): the top netstatd.metrics.top-remotes, and the rest as "
						+ "remote=\"other\"");
			GaugeSnapshot.Builder states = GaugeSnapshot.builder()
				.name("netstatd_tcp_port_connections")
				.help("TCP connections to a listening port by state (LISTEN left out)");
			for (int port : ports(this.listening.ports(), this.byPort, this.bounds)) {
				Port counts = this.byPort.getOrDefault(port, new Port());
				String label = Integer.toString(port);
				String owner = owners.get(port);
				for (Map.Entry<String, Long> remote : counts.top(this.bounds.topRemotes()).entrySet()) {
					Labels labels = Labels.of("port", label, "remote", remote.getKey());
					if (owner != null) {
						labels = labels.add("pod", owner);
					}
					remotes.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(remote.getValue()).build());
				}
				for (SocketState state : SocketState.TCP_STATES) {
					if (state != SocketState.LISTEN) {
						states.dataPoint(GaugeDataPointSnapshot.builder()
							.labels(Labels.of("port", label, "state", state.name()))
							.value(counts.states.getOrDefault(state, 0L))
							.build());
					}
				}
			}
			return List.of(remotes.build(), states.build());
		}

	}

}
