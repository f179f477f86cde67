package io.netstatd.export.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.netstatd.core.stats.StateCounts;
import io.netstatd.kernel.cgroups.CgroupPaths;
import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.containers.Containers;
import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.live.closed.ClosedRecorder;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.report.Skipped;
import io.netstatd.views.counters.Counters;
import io.netstatd.views.counters.CountersRepository;
import io.netstatd.views.interfaces.InterfacesRepository;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The host's sockets as Prometheus metrics at {@code /actuator/prometheus}. Each scrape
 * takes one snapshot: the TCP tables read once (states and accept queues both come from
 * it), sockstat once, the protocol counters once; every metric is then formatted from
 * that snapshot, never read per metric. The names are listed in docs/metrics.md.
 */
@Component
public class HostMetrics implements MultiCollector {

	/** Kernel counters worth an alert, from /proc/net/snmp and /proc/net/netstat. */
	private static final List<KernelCounter> PROTOCOL_COUNTERS = List.of(
			new KernelCounter("netstatd_tcp_listen_overflows", "TcpExt", "ListenOverflows",
					"Times a listener's accept queue was full (TcpExt ListenOverflows)"),
			new KernelCounter("netstatd_tcp_listen_drops", "TcpExt", "ListenDrops",
					"SYNs to a listener dropped, overflows included (TcpExt ListenDrops)"),
			new KernelCounter("netstatd_tcp_retransmitted_segments", "Tcp", "RetransSegs",
					"TCP segments retransmitted (Tcp RetransSegs)"),
			new KernelCounter("netstatd_tcp_resets_sent", "Tcp", "OutRsts", "TCP segments sent with RST (Tcp OutRsts)"),
			new KernelCounter("netstatd_tcp_established_resets", "Tcp", "EstabResets",
					"Connections reset from ESTABLISHED or CLOSE_WAIT (Tcp EstabResets)"),
			new KernelCounter("netstatd_tcp_active_opens", "Tcp", "ActiveOpens",
					"Connections opened by this host (Tcp ActiveOpens)"),
			new KernelCounter("netstatd_tcp_passive_opens", "Tcp", "PassiveOpens",
					"Connections accepted by this host (Tcp PassiveOpens)"),
			new KernelCounter("netstatd_udp_receive_buffer_errors", "Udp", "RcvbufErrors",
					"UDP datagrams dropped for a full receive buffer (Udp RcvbufErrors)"));

	/**
	 * sockstat's per-protocol values exported, each as one gauge with a protocol label.
	 */
	private static final List<SockstatGauge> SOCKSTAT_GAUGES = List.of(
			new SockstatGauge("inuse", "netstatd_sockstat_inuse", "Sockets in use, by protocol (sockstat inuse)"),
			new SockstatGauge("orphan", "netstatd_sockstat_orphan",
					"Sockets no process holds any more (sockstat orphan)"),
			new SockstatGauge("tw", "netstatd_sockstat_time_wait", "Sockets in TIME_WAIT (sockstat tw)"),
			new SockstatGauge("alloc", "netstatd_sockstat_alloc",
					"Sockets allocated, closed ones not yet freed included"),
			new SockstatGauge("mem", "netstatd_sockstat_mem_pages",
					"Memory of socket buffers, in pages (sockstat mem)"));

	private final SocketService sockets;

	private final CountersRepository counters;

	private final SkippedLineCounter skippedLines;

	private final MetricsProperties bounds;

	private final ClosedRecorder closed;

	private final DestroyedSockets destroyed;

	private final CgroupPaths cgroups;

	private final Containers containers;

	private final Labels node;

	private final InterfacesRepository interfaces;

	private final KernelFamiliesProperties kernel;

	public HostMetrics(SocketService sockets, CountersRepository counters, SkippedLineCounter skippedLines,
			MetricsProperties bounds, ClosedRecorder closed, DestroyedSockets destroyed, CgroupPaths cgroups,
			Containers containers, InterfacesRepository interfaces, KernelFamiliesProperties kernel, NodeName node,
			ObjectProvider<PrometheusRegistry> registry) {
		this.interfaces = interfaces;
		this.kernel = kernel;
		this.node = Labels.of(NodeName.LABEL, node.value());
		this.cgroups = cgroups;
		this.containers = containers;
		this.closed = closed;
		this.destroyed = destroyed;
		this.sockets = sockets;
		this.counters = counters;
		this.skippedLines = skippedLines;
		this.bounds = bounds;
		registry.ifAvailable((prometheus) -> prometheus.register(this));
	}

	/**
	 * One scrape: each collector reads and formats its families on its own, so that one
	 * that fails (a file unreadable, a kernel table in a shape not foreseen) leaves out
	 * its own families and says so in {@code netstatd_scrape_collector_success}, as
	 * node_exporter does, instead of failing the whole scrape.
	 */
	@Override
	public MetricSnapshots collect() {
		ScrapeCollectors collectors = new ScrapeCollectors(this.node);
		collectors.collect("tcp", () -> {
			TcpTally tcp = tcp();
			return tcpFamilies(
					tcp, this.closed.recording()
							? this.closed.totalsByPort(PortRemotes.listening(tcp.listeners()).ports()) : null,
					this.destroyed.lost(), owners(tcp.listeners()), this.bounds);
		});
		collectors.collect("sockstat", () -> sockstat(this.counters.sockets()));
		// one read of snmp, netstat and snmp6 for the two collectors that show it
		Counters[] protocols = new Counters[1];
		Supplier<Counters> read = () -> {
			if (protocols[0] == null) {
				protocols[0] = this.counters.protocols();
			}
			return protocols[0];
		};
		collectors.collect("protocols", () -> protocolCounters(read.get()));
		collectors.collect("skipped_lines", () -> List.of(skippedLines(this.skippedLines.totals())));
		collectors.collect("netdev",
				() -> KernelFamilies.netdev(this.interfaces.interfaces().interfaces(), this.kernel.interfaces()));
		collectors.collect("netstat", () -> KernelFamilies.netstat(read.get(), this.kernel.netstatFields()));
		return collectors.snapshots();
	}

	/**
	 * The TCP tables tallied as the kernel's dump is parsed, with each connection's
	 * tcp_info when the per-port metrics are on and sock_diag gives it; without it where
	 * the sockets come from procfs. No row is kept but the listeners': a scrape at 60,000
	 * connections held them all, with their tcp_info, and paid a full collection for it.
	 * The listening ports come first, from a dump of the listeners alone, since the
	 * kernel sends an IPv4 connection to a dual-stack listener before the listener.
	 */
	private TcpTally tcp() {
		SocketSelection tcp = SocketSelection.of(Tables.TCP);
		Listeners listening = PortRemotes
			.listening(this.sockets.read(tcp.inStates(Set.of(SocketState.LISTEN)), NamespaceChoice.OWN).rows());
		if (this.bounds.connectionPorts() > 0) {
			try {
				return this.sockets.count(tcp, NamespaceChoice.OWN, Set.of(SocketDetail.INFO), TcpTally.class,
						() -> new TcpTally(listening, this.bounds));
			}
			catch (InvalidParameterException ex) {
				// a procfs source: no tcp_info, no per-port series
			}
		}
		return this.sockets.count(tcp, NamespaceChoice.OWN, TcpTally.class, () -> new TcpTally(listening, this.bounds));
	}

	/**
	 * The pod holding each listening port, from the listener's cgroup (sock_diag), for
	 * the top-K series' {@code pod} label.
	 */
	private Map<Integer, String> owners(List<InetSocket> listeners) {
		Map<Integer, String> owners = new java.util.HashMap<>();
		Map<Long, String> byCgroup = new java.util.HashMap<>();
		for (InetSocket socket : listeners) {
			Long id = (socket.details() != null) ? socket.details().cgroupId() : null;
			if (id != null) {
				String pod = byCgroup.computeIfAbsent(id, (cgroup) -> {
					Container container = this.containers.ofCgroup(this.cgroups.path(cgroup));
					return (container != null && container.pod() != null) ? container.pod() : "";
				});
				if (!pod.isEmpty()) {
					owners.put(socket.localPort(), pod);
				}
			}
		}
		return owners;
	}

	/**
	 * The families of one snapshot, every collector succeeding: what a scrape of it
	 * exposes.
	 */
	static MetricSnapshots format(Snapshot snapshot, MetricsProperties bounds) {
		ScrapeCollectors collectors = new ScrapeCollectors();
		collectors.collect("tcp", () -> tcpFamilies(snapshot.tcp(), snapshot.closedByPort(), snapshot.noticesLost(),
				snapshot.owners(), bounds));
		collectors.collect("sockstat", () -> sockstat(snapshot.sockstat()));
		collectors.collect("protocols", () -> protocolCounters(snapshot.protocols()));
		collectors.collect("skipped_lines", () -> List.of(skippedLines(snapshot.skippedLines())));
		return collectors.snapshots();
	}

	private static List<MetricSnapshot> tcpFamilies(TcpTally tcp, Map<Integer, long[]> closedByPort, long noticesLost,
			Map<Integer, String> owners, MetricsProperties bounds) {
		List<MetricSnapshot> metrics = new ArrayList<>();
		metrics.add(states(tcp.states().byState()));
		metrics.addAll(acceptQueues(tcp.listeners(), bounds.ports()));
		if (bounds.ports() > 0) {
			metrics.addAll(tcp.remotes().snapshots(owners));
		}
		if (bounds.connectionPorts() > 0) {
			metrics.addAll(tcp.connections().snapshots(bounds.connectionPorts()));
		}
		if (closedByPort != null) {
			metrics.addAll(PortConnections.closed(tcp.listeners(), closedByPort, bounds.connectionPorts()));
			metrics.add(CounterSnapshot.builder()
				.name("netstatd_socket_destroy_notices_lost")
				.help("Times the kernel could not deliver destroy notices (ENOBUFS): closes were missed")
				.dataPoint(CounterDataPointSnapshot.builder().value(noticesLost).build())
				.build());
		}
		return metrics;
	}

	private static List<MetricSnapshot> protocolCounters(Counters protocols) {
		List<MetricSnapshot> metrics = new ArrayList<>();
		for (KernelCounter counter : PROTOCOL_COUNTERS) {
			long value = protocols.value(counter.group(), counter.name());
			if (value >= 0) {
				metrics.add(CounterSnapshot.builder()
					.name(counter.metric())
					.help(counter.help())
					.dataPoint(CounterDataPointSnapshot.builder().value(value).build())
					.build());
			}
		}
		return metrics;
	}

	private static MetricSnapshot skippedLines(Map<String, Long> totals) {
		CounterSnapshot.Builder skipped = CounterSnapshot.builder()
			.name("netstatd_skipped_lines")
			.help("procfs lines left out of answers because they could not be parsed, by file");
		totals.forEach((file, count) -> skipped
			.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("file", file)).value(count).build()));
		return skipped.build();
	}

	/** All eleven states, zeros included, so that no series vanishes. */
	private static MetricSnapshot states(Map<SocketState, Long> counts) {
		GaugeSnapshot.Builder gauge = GaugeSnapshot.builder()
			.name("netstatd_tcp_connections")
			.help("TCP sockets (IPv4 and IPv6) by state, as /stats/states counts them");
		counts.forEach((state, count) -> gauge
			.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", state.name())).value(count).build()));
		return gauge.build();
	}

	/**
	 * Per listening address: connections waiting to be accepted, and how many sockets
	 * listen there. Listeners that share an address and port ({@code SO_REUSEPORT}:
	 * nginx's {@code reuseport}, envoy, HAProxy, most Go and Rust servers) are one
	 * series, their queues summed, since two series with the same labels make the whole
	 * scrape invalid. The {@code maxListeners} fullest queues (ties: by port, then
	 * address) have a series each; the rest are summed in one {@code address="other"}
	 * series, so that a host of a thousand listeners adds {@code maxListeners + 1}
	 * series, not a thousand. Their limit, the backlog, is a series of its own where
	 * sock_diag gives it (/proc/net/tcp does not): a queue at its backlog is full, and
	 * the kernel drops the next connections (netstatd_tcp_listen_overflows_total).
	 */
	static List<MetricSnapshot> acceptQueues(List<InetSocket> listeners, int maxListeners) {
		Map<ListenerKey, long[]> byAddress = new LinkedHashMap<>();
		for (InetSocket socket : listeners) {
			if (socket.state() == SocketState.LISTEN) {
				long[] queue = byAddress.computeIfAbsent(new ListenerKey(socket.localAddress().toString(),
						socket.localPort(), socket.protocol().label()), (key) -> new long[4]);
				queue[0] += socket.recvQ();
				queue[1]++;
				Long backlog = (socket.details() != null) ? socket.details().backlog() : null;
				if (backlog != null) {
					queue[2] += backlog;
					queue[3]++;
				}
			}
		}
		List<ListenerKey> fullest = byAddress.keySet()
			.stream()
			.sorted(Comparator.comparingLong((ListenerKey key) -> -byAddress.get(key)[0])
				.thenComparingInt(ListenerKey::port)
				.thenComparing(ListenerKey::address)
				.thenComparing(ListenerKey::protocol))
			.toList();
		GaugeSnapshot.Builder length = GaugeSnapshot.builder()
			.name("netstatd_tcp_listen_queue_length")
			.help("Connections waiting in a TCP listener's accept queue (Recv-Q of a LISTEN socket), summed over "
					+ "the sockets listening on one address and port");
		GaugeSnapshot.Builder sockets = GaugeSnapshot.builder()
			.name("netstatd_tcp_listen_sockets")
			.help("TCP sockets listening on one address and port (more than one with SO_REUSEPORT)");
		GaugeSnapshot.Builder backlogs = GaugeSnapshot.builder()
			.name("netstatd_tcp_listen_backlog")
			.help("How many connections a TCP listener's accept queue may hold (its backlog, ss -ltn's Send-Q), "
					+ "summed over the sockets listening on one address and port; where sock_diag gives it");
		long[] other = new long[4];
		for (int i = 0; i < fullest.size(); i++) {
			ListenerKey key = fullest.get(i);
			long[] queue = byAddress.get(key);
			if (i < maxListeners) {
				Labels labels = Labels.of("address", key.address(), "port", Integer.toString(key.port()), "protocol",
						key.protocol());
				length.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(queue[0]).build());
				sockets.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(queue[1]).build());
				if (queue[3] > 0) {
					backlogs.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(queue[2]).build());
				}
			}
			else {
				for (int j = 0; j < other.length; j++) {
					other[j] += queue[j];
				}
			}
		}
		if (fullest.size() > maxListeners) {
			Labels labels = Labels.of("address", "other", "port", "other", "protocol", "other");
			length.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(other[0]).build());
			sockets.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(other[1]).build());
			if (other[3] > 0) {
				backlogs.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(other[2]).build());
			}
		}
		return List.of(length.build(), sockets.build(), backlogs.build());
	}

	/** sockstat's totals: one metric per kind, the protocol as a label. */
	private static List<MetricSnapshot> sockstat(Counters sockstat) {
		List<MetricSnapshot> metrics = new ArrayList<>();
		long used = sockstat.value("sockets", "used");
		if (used >= 0) {
			metrics.add(gauge("netstatd_sockstat_sockets_used", "Sockets of all kinds in use (sockstat sockets used)",
					Map.of("", used)));
		}
		for (SockstatGauge kind : SOCKSTAT_GAUGES) {
			Map<String, Long> byProtocol = new LinkedHashMap<>();
			sockstat.groups().forEach((group, values) -> {
				if (!group.equals("sockets") && values.containsKey(kind.kind())) {
					byProtocol.put(group.toLowerCase(Locale.ROOT), values.get(kind.kind()));
				}
			});
			if (!byProtocol.isEmpty()) {
				metrics.add(gauge(kind.metric(), kind.help(), byProtocol));
			}
		}
		return metrics;
	}

	/** A gauge with a {@code protocol} label per value ({@code ""}: no label). */
	private static MetricSnapshot gauge(String name, String help, Map<String, Long> values) {
		GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
		values.forEach((protocol,
				value) -> gauge.dataPoint(GaugeDataPointSnapshot.builder()
					.labels(protocol.isEmpty() ? Labels.EMPTY : Labels.of("protocol", protocol))
					.value(value)
					.build()));
		return gauge.build();
	}

	/** A listening address: what its series' labels say. */
	private record ListenerKey(String address, int port, String protocol) {

	}

	/**
	 * A kernel counter exported as a Prometheus counter.
	 *
	 * @param metric the metric's name, without {@code _total}
	 * @param group the kernel's group ({@code Tcp}, {@code TcpExt}, ...)
	 * @param name the kernel's name in that group
	 * @param help the metric's help
	 */
	private record KernelCounter(String metric, String group, String name, String help) {

	}

	/**
	 * A sockstat value exported as a gauge per protocol.
	 *
	 * @param kind sockstat's word for it ({@code inuse}, {@code tw}, ...)
	 * @param metric the metric's name
	 * @param help the metric's help
	 */
	private record SockstatGauge(String kind, String metric, String help) {

	}

	/**
	 * The TCP tables of one scrape, tallied: the states, the listeners, and what the
	 * per-port series count.
	 */
	static final class TcpTally implements SocketCounter<TcpTally> {

		private final StateCounts.Counter states = new StateCounts.Counter();

		private final List<InetSocket> listeners = new ArrayList<>();

		private final PortRemotes.Tally remotes;

		private final PortConnections.Tally connections;

		/**
		 * A tally for a scrape.
		 * @param listening the listening ports
		 * @param bounds which ports and remotes the series count
		 */
		TcpTally(Listeners listening, MetricsProperties bounds) {
			this.remotes = new PortRemotes.Tally(listening, bounds);
			this.connections = new PortConnections.Tally(listening);
		}

		/** The tally of sockets read whole (a fixture, a test). */
		static TcpTally of(List<InetSocket> tcp, MetricsProperties bounds) {
			TcpTally tally = new TcpTally(PortRemotes.listening(tcp), bounds);
			tcp.forEach(tally);
			return tally;
		}

		@Override
		public void accept(InetSocket socket) {
			this.states.accept(socket);
			if (socket.state() == SocketState.LISTEN) {
				this.listeners.add(socket);
			}
			this.remotes.accept(socket);
			this.connections.accept(socket);
		}

		@Override
		public TcpTally result(Skipped skipped) {
			return this;
		}

		StateCounts.Counter states() {
			return this.states;
		}

		List<InetSocket> listeners() {
			return this.listeners;
		}

		PortRemotes.Tally remotes() {
			return this.remotes;
		}

		PortConnections.Tally connections() {
			return this.connections;
		}

	}

	/**
	 * What one scrape read.
	 *
	 * @param tcp the TCP tables, tallied
	 * @param sockstat sockstat and sockstat6
	 * @param protocols the protocol counters
	 * @param skippedLines skipped procfs lines by file
	 * @param closedByPort closes, bytes sent and received by local port; null where no
	 * destroy notices are recorded
	 * @param noticesLost times the kernel dropped destroy notices
	 * @param owners the pod (or container) holding each listening port, where known
	 */
	record Snapshot(TcpTally tcp, Counters sockstat, Counters protocols, Map<String, Long> skippedLines,
			Map<Integer, long[]> closedByPort, long noticesLost, Map<Integer, String> owners) {

		Snapshot(TcpTally tcp, Counters sockstat, Counters protocols, Map<String, Long> skippedLines) {
			this(tcp, sockstat, protocols, skippedLines, null, 0, Map.of());
		}

	}

}
