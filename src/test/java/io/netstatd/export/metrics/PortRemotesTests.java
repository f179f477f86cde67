package io.netstatd.export.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.IpAddress;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The bounded heavy hitters: exact series for a port, {@code other} the remainder, blocks
 * when grouped, and never more series than the bound however many ports and sources.
 */
class PortRemotesTests {

	@Test
	void keepsTheTopRemotesAndSumsTheRestIntoOther() {
		List<InetSocket> tcp = new ArrayList<>();
		tcp.add(listener(443));
		connections(tcp, 443, "10.0.0.1", 5);
		connections(tcp, 443, "10.0.0.2", 3);
		connections(tcp, 443, "10.0.0.3", 2);
		connections(tcp, 443, "2001:db8::7", 1);
		tcp.add(socket(SocketState.TIME_WAIT, 443, "10.0.0.1"));
		tcp.add(socket(SocketState.ESTABLISHED, 40000, "10.0.0.9")); // no listener: not
																		// counted
		MetricsProperties bounds = new MetricsProperties(20, 20, List.of(), 2, List.of(32, 128));

		List<MetricSnapshot> metrics = PortRemotes.of(tcp, bounds, Map.of());

		assertThat(series(metrics.get(0)))
			.isEqualTo(Map.of("443 10.0.0.1", 5.0, "443 10.0.0.2", 3.0, "443 other", 3.0));
		Map<String, Double> states = series(metrics.get(1));
		assertThat(states).hasSize(10)
			.containsEntry("443 ESTABLISHED", 11.0)
			.containsEntry("443 TIME_WAIT", 1.0)
			.containsEntry("443 SYN_RECV", 0.0)
			.doesNotContainKey("443 LISTEN");
	}

	@Test
	void countsOnlyTheConnectionsAListenerAccepted() {
		// a server on 127.0.0.1:8080, and another program's client whose ephemeral port
		// is
		// 8080 too, bound to 127.0.1.5: netstat's port alone would count it as a client
		List<InetSocket> tcp = new ArrayList<>();
		tcp.add(new InetSocket(Protocol.TCP, IpAddress.parse("127.0.0.1"), 8080, IpAddress.IPV4_ANY, 0,
				SocketState.LISTEN, 0, 0, 0, 1, null));
		tcp.add(new InetSocket(Protocol.TCP, IpAddress.parse("127.0.0.1"), 8080, IpAddress.parse("127.0.0.2"), 50000,
				SocketState.ESTABLISHED, 0, 0, 0, 2, null));
		tcp.add(new InetSocket(Protocol.TCP, IpAddress.parse("127.0.1.5"), 8080, IpAddress.parse("127.0.1.1"), 41000,
				SocketState.ESTABLISHED, 0, 0, 0, 3, null));
		MetricsProperties bounds = new MetricsProperties(20, 20, List.of(), 2, List.of(32, 128));

		List<MetricSnapshot> metrics = PortRemotes.of(tcp, bounds, Map.of());

		assertThat(series(metrics.get(0))).isEqualTo(Map.of("8080 127.0.0.2", 1.0, "8080 other", 0.0));
		assertThat(series(metrics.get(1))).containsEntry("8080 ESTABLISHED", 1.0);
	}

	@Test
	void groupsRemotesIntoBlocks() {
		List<InetSocket> tcp = new ArrayList<>();
		tcp.add(listener(80));
		connections(tcp, 80, "192.0.2.1", 2);
		connections(tcp, 80, "192.0.2.200", 3);
		connections(tcp, 80, "198.51.100.4", 1);
		connections(tcp, 80, "2001:db8:0:1::5", 1);
		connections(tcp, 80, "2001:db8:0:1:ffff::9", 1);
		MetricsProperties bounds = new MetricsProperties(20, 20, List.of(), 10, List.of(24, 64));

		assertThat(series(PortRemotes.of(tcp, bounds, Map.of(80, "web/nginx-1")).get(0)))
			.isEqualTo(Map.of("80 192.0.2.0/24 web/nginx-1", 5.0, "80 2001:db8:0:1::/64 web/nginx-1", 2.0,
					"80 198.51.100.0/24 web/nginx-1", 1.0, "80 other web/nginx-1", 0.0));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "10.1.2.3/32, 10.1.2.3", "10.1.2.3/24, 10.1.2.0/24", "10.1.2.3/8, 10.0.0.0/8", "10.1.2.3/0, 0.0.0.0/0",
			"2001:db8:1:2:3:4:5:6/128, 2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6/64, 2001:db8:1:2::/64",
			"2001:db8:1:2:3:4:5:6/48, 2001:db8:1::/48", "2001:db8:1:2:3:4:5:6/96, 2001:db8:1:2:3:4::/96" })
	void labelsAnAddressByItsBlock(String addressAndBits, String label) {
		String[] parts = addressAndBits.split("/");
		IpAddress address = IpAddress.parse(parts[0]);
		int bits = Integer.parseInt(parts[1]);
		MetricsProperties bounds = new MetricsProperties(20, 20, List.of(), 10,
				address.ipv4() ? List.of(bits, 128) : List.of(32, bits));
		assertThat(PortRemotes.remote(address, bounds)).isEqualTo(label);
	}

	@Test
	void neverPassesTheBoundWithMorePortsAndSourcesThanItAllows() {
		List<InetSocket> tcp = new ArrayList<>();
		for (int port = 1000; port < 1150; port++) {
			tcp.add(listener(port));
			for (int source = 0; source < (port % 37); source++) {
				tcp.add(socket(SocketState.ESTABLISHED, port, "10.9." + (source / 200) + "." + (source % 200)));
				tcp.add(socket(SocketState.CLOSE_WAIT, port, "10.8.0." + source));
			}
		}
		MetricsProperties bounds = new MetricsProperties(20, 5, List.of(), 3, List.of(32, 128));
		List<MetricSnapshot> metrics = PortRemotes.of(tcp, bounds, Map.of());
		int count = metrics.stream().mapToInt((metric) -> metric.getDataPoints().size()).sum();
		assertThat(count).isEqualTo(bounds.maxSeries()).isEqualTo(5 * (3 + 1 + 10));
		// the busiest: 36 connections for ports 1035, 1072, 1109, 1146, then 35 for 1034
		assertThat(series(metrics.get(0)).keySet()).extracting((key) -> key.split(" ")[0])
			.containsOnly("1034", "1035", "1072", "1109", "1146");
		assertThat(series(metrics.get(0))).containsEntry("1035 other", 33.0);
	}

	@Test
	void configuredPortsInsteadOfTheBusiest() {
		List<InetSocket> tcp = new ArrayList<>();
		tcp.add(listener(22));
		tcp.add(listener(443));
		connections(tcp, 443, "10.0.0.1", 9);
		MetricsProperties bounds = new MetricsProperties(20, 2, List.of(22, 5432), 10, List.of(32, 128));
		assertThat(series(PortRemotes.of(tcp, bounds, Map.of()).get(0)))
			.isEqualTo(Map.of("22 other", 0.0, "5432 other", 0.0));
	}

	@Test
	void refusesBoundsPastTheLimits() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MetricsProperties(20, 101, List.of(), 10, List.of(32, 128)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MetricsProperties(20, 20, List.of(), 101, List.of(32, 128)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MetricsProperties(20, 1, List.of(1, 2), 10, List.of(32, 128)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MetricsProperties(20, 20, List.of(), 10, List.of(33, 128)));
	}

	/** Each data point as "port remote-or-state [pod]" to its value, in order. */
	private static Map<String, Double> series(MetricSnapshot metric) {
		Map<String, Double> series = new java.util.LinkedHashMap<>();
		for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) metric).getDataPoints()) {
			StringBuilder key = new StringBuilder(point.getLabels().get("port"));
			String second = (point.getLabels().get("remote") != null) ? point.getLabels().get("remote")
					: point.getLabels().get("state");
			key.append(' ').append(second);
			if (point.getLabels().get("pod") != null) {
				key.append(' ').append(point.getLabels().get("pod"));
			}
			series.put(key.toString(), point.getValue());
		}
		return series;
	}

	private static void connections(List<InetSocket> tcp, int port, String remote, int count) {
		for (int i = 0; i < count; i++) {
			tcp.add(socket(SocketState.ESTABLISHED, port, remote));
		}
	}

	private static InetSocket listener(int port) {
		return new InetSocket(Protocol.TCP, IpAddress.IPV4_ANY, port, IpAddress.IPV4_ANY, 0, SocketState.LISTEN, 0, 0,
				0, 1, null);
	}

	private static InetSocket socket(SocketState state, int port, String remote) {
		IpAddress address = IpAddress.parse(remote);
		return new InetSocket(address.ipv4() ? Protocol.TCP : Protocol.TCP6,
				address.ipv4() ? IpAddress.parse("10.0.0.254") : IpAddress.parse("2001:db8::fe"), port, address, 40000,
				state, 0, 0, 0, 1, null);
	}

}
