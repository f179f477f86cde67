package io.netstatd.export.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import io.netstatd.views.counters.Counters;
import io.netstatd.views.interfaces.NetInterface;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * What a node_exporter user looks for and {@code /interfaces} and
 * {@code /stats/protocols} already read: node_exporter's netdev and netstat families,
 * under its names with netstatd's prefix
 * ({@code netstatd_network_receive_bytes_total{device}},
 * {@code netstatd_netstat_Tcp_RetransSegs}), so its dashboards and queries carry over by
 * renaming the prefix, and a node running both never sums one figure twice.
 */
final class KernelFamilies {

	private KernelFamilies() {
	}

	/**
	 * Each interface's counters of {@code /proc/net/dev}, both directions: the first
	 * {@code limit} interfaces by name, and how many were left out.
	 * @param devices the interfaces
	 * @param limit how many have series
	 * @return the families
	 */
	static List<MetricSnapshot> netdev(List<NetInterface> devices, int limit) {
		List<NetInterface> kept = devices.stream()
			.sorted(Comparator.comparing(NetInterface::name))
			.limit(limit)
			.toList();
		List<MetricSnapshot> metrics = new ArrayList<>();
		metrics.add(device(kept, "receive_bytes", "Bytes received", NetInterface::rxBytes));
		metrics.add(device(kept, "transmit_bytes", "Bytes transmitted", NetInterface::txBytes));
		metrics.add(device(kept, "receive_packets", "Packets received", NetInterface::rxOk));
		metrics.add(device(kept, "transmit_packets", "Packets transmitted", NetInterface::txOk));
		metrics.add(device(kept, "receive_errs", "Receive errors (netstat -i RX-ERR)", NetInterface::rxErrors));
		metrics.add(device(kept, "transmit_errs", "Transmit errors (netstat -i TX-ERR)", NetInterface::txErrors));
		metrics.add(device(kept, "receive_drop", "Packets dropped on receive (netstat -i RX-DRP)",
				NetInterface::rxDropped));
		metrics.add(device(kept, "transmit_drop", "Packets dropped on transmit (netstat -i TX-DRP)",
				NetInterface::txDropped));
		metrics.add(GaugeSnapshot.builder()
			.name("netstatd_network_devices_omitted")
			.help("Interfaces without series, past netstatd.metrics.kernel.interfaces")
			.dataPoint(GaugeDataPointSnapshot.builder().value(devices.size() - kept.size()).build())
			.build());
		return metrics;
	}

	private static MetricSnapshot device(List<NetInterface> devices, String name, String help,
			ToLongFunction<NetInterface> value) {
		CounterSnapshot.Builder counter = CounterSnapshot.builder()
			.name("netstatd_network_" + name)
			.help(help + " by the interface, /proc/net/dev (node_exporter's node_network_" + name + "_total)");
		for (NetInterface device : devices) {
			counter.dataPoint(CounterDataPointSnapshot.builder()
				.labels(Labels.of("device", device.name()))
				.value(value.applyAsLong(device))
				.build());
		}
		return counter.build();
	}

	/**
	 * The counters of {@code netstat -s} (snmp, netstat, snmp6) whose {@code Group_Field}
	 * {@code fields} selects, one gauge each as node_exporter exposes them.
	 * @param protocols the kernel's counters
	 * @param fields which to export
	 * @return the families
	 */
	static List<MetricSnapshot> netstat(Counters protocols, Pattern fields) {
		List<MetricSnapshot> metrics = new ArrayList<>();
		for (Map.Entry<String, Map<String, Long>> group : protocols.groups().entrySet()) {
			for (Map.Entry<String, Long> counter : group.getValue().entrySet()) {
				String field = group.getKey() + "_" + counter.getKey();
				if (fields.matcher(field).matches()) {
					metrics.add(GaugeSnapshot.builder()
						.name("netstatd_netstat_" + field)
						.help("netstat -s, nstat: " + group.getKey() + " " + counter.getKey()
								+ " (node_exporter's node_netstat_" + field + ")")
						.dataPoint(GaugeDataPointSnapshot.builder().value(counter.getValue()).build())
						.build());
				}
			}
		}
		return metrics;
	}

}
