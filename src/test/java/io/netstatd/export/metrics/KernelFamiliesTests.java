package io.netstatd.export.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netstatd.support.report.Skipped;
import io.netstatd.views.counters.Counters;
import io.netstatd.views.interfaces.NetInterface;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * node_exporter's netdev and netstat families: bounded, stable, its names.
 */
class KernelFamiliesTests {

	@Test
	void exposesTheFirstInterfacesByNameAndCountsTheRest() throws IOException {
		List<NetInterface> devices = List.of(device("lo", 100), device("eth1", 300), device("eth0", 200));

		String text = text(KernelFamilies.netdev(devices, 2));

		assertThat(text).contains("netstatd_network_receive_bytes_total{device=\"eth0\"} 200.0\n")
			.contains("netstatd_network_receive_bytes_total{device=\"eth1\"} 300.0\n")
			.contains("netstatd_network_transmit_bytes_total{device=\"eth0\"} 2000.0\n")
			.contains("netstatd_network_receive_packets_total{device=\"eth0\"} 2.0\n")
			.contains("netstatd_network_transmit_packets_total{device=\"eth0\"} 20.0\n")
			.contains("netstatd_network_receive_errs_total{device=\"eth0\"} 3.0\n")
			.contains("netstatd_network_transmit_errs_total{device=\"eth0\"} 30.0\n")
			.contains("netstatd_network_receive_drop_total{device=\"eth0\"} 4.0\n")
			.contains("netstatd_network_transmit_drop_total{device=\"eth0\"} 40.0\n")
			.contains("netstatd_network_devices_omitted 1.0\n")
			.doesNotContain("device=\"lo\"");
	}

	@Test
	void exposesTheNetstatCountersNodeExporterDoesByDefault() throws IOException {
		Counters counters = new Counters(
				Map.of("Tcp", Map.of("RetransSegs", 7L, "MaxConn", -1L, "CurrEstab", 3L), "TcpExt",
						Map.of("ListenOverflows", 2L, "TCPPureAcks", 9L), "Udp", Map.of("RcvbufErrors", 1L)),
				Skipped.NONE);

		String text = text(KernelFamilies.netstat(counters, KernelFamiliesProperties.defaults().netstatFields()));

		assertThat(text.lines().filter((line) -> !line.startsWith("#")).sorted().toList()).containsExactly(
				"netstatd_netstat_TcpExt_ListenOverflows 2.0", "netstatd_netstat_Tcp_CurrEstab 3.0",
				"netstatd_netstat_Tcp_RetransSegs 7.0", "netstatd_netstat_Udp_RcvbufErrors 1.0");
	}

	private static NetInterface device(String name, long rxBytes) {
		return new NetInterface(name, 1500, "BMRU", true, 2, 3, 4, 0, 20, 30, 40, 0, rxBytes, rxBytes * 10, 0, 0, 0, 0);
	}

	private static String text(List<MetricSnapshot> metrics) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, new MetricSnapshots(metrics), EscapingScheme.ALLOW_UTF8);
		return out.toString(StandardCharsets.UTF_8);
	}

}
