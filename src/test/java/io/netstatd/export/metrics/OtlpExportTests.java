package io.netstatd.export.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OTLP push, received for real: an OTLP/HTTP receiver on loopback in the test, the
 * service pushing to it every second; the request decodes as OpenTelemetry's protobuf,
 * and carries OpenTelemetry's system metric names and attributes, the node's name as a
 * resource attribute, and nothing else. The Prometheus scrape keeps its own names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.otlp.metrics.export.step=1s", "NODE_NAME=node-7" })
@DirtiesContext
@Timeout(60)
class OtlpExportTests {

	private static final BlockingQueue<byte[]> pushes = new LinkedBlockingQueue<>();

	private static final HttpServer receiver = receiver();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void pushToTheReceiver(DynamicPropertyRegistry registry) {
		registry.add("management.otlp.metrics.export.url",
				() -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics");
	}

	@Test
	void pushesOpenTelemetrysSystemNetworkMetrics() throws Exception {
		Map<String, List<Map<String, String>>> points = new HashMap<>();
		Map<String, String> resource = new HashMap<>();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		// the first push may come before the interfaces' counters were first read
		while (!points.containsKey("system.network.io") && System.nanoTime() < until) {
			byte[] push = pushes.poll(10, TimeUnit.SECONDS);
			if (push != null) {
				decode(ExportMetricsServiceRequest.parseFrom(push), points, resource);
			}
		}
		assertThat(points.keySet()).containsExactlyInAnyOrder("system.network.connection.count", "system.network.io",
				"system.network.packet.count", "system.network.errors", "system.network.packet.dropped");
		assertThat(resource).containsEntry("service.name", "netstatd")
			.containsEntry("host.name", "node-7")
			.containsEntry("k8s.node.name", "node-7");
		assertThat(points.get("system.network.connection.count"))
			.contains(Map.of("network.connection.state", "established", "network.transport", "tcp"),
					Map.of("network.connection.state", "fin_wait_1", "network.transport", "tcp"),
					Map.of("network.connection.state", "listen", "network.transport", "tcp"),
					Map.of("network.transport", "udp"))
			.hasSize(12);
		for (String name : List.of("system.network.io", "system.network.packet.count", "system.network.errors",
				"system.network.packet.dropped")) {
			assertThat(points.get(name)).contains(
					Map.of("network.interface.name", "lo", "network.io.direction", "receive"),
					Map.of("network.interface.name", "lo", "network.io.direction", "transmit"));
		}
		String scrape = RestAssured.given().port(this.port).get("/actuator/prometheus").asString();
		// the node, as the downward API names it, on every series of the scrape too
		assertThat(scrape).doesNotContain("system_network")
			.contains("netstatd_tcp_connections{node=\"node-7\",state=\"ESTABLISHED\"}");
		assertThat(scrape.lines().filter((line) -> !line.startsWith("#")))
			.allSatisfy((series) -> assertThat(series).contains("node=\"node-7\""));
	}

	private static void decode(ExportMetricsServiceRequest request, Map<String, List<Map<String, String>>> points,
			Map<String, String> resource) {
		for (ResourceMetrics metrics : request.getResourceMetricsList()) {
			metrics.getResource().getAttributesList().forEach((kv) -> resource.put(kv.getKey(), text(kv)));
			for (ScopeMetrics scope : metrics.getScopeMetricsList()) {
				for (Metric metric : scope.getMetricsList()) {
					List<NumberDataPoint> numbers = metric.hasSum() ? metric.getSum().getDataPointsList()
							: metric.getGauge().getDataPointsList();
					// a meter is a metric of its own: a name's series come in several
					List<Map<String, String>> attributes = points.computeIfAbsent(metric.getName(),
							(name) -> new ArrayList<>());
					for (NumberDataPoint point : numbers) {
						Map<String, String> labels = new HashMap<>();
						point.getAttributesList().forEach((kv) -> labels.put(kv.getKey(), text(kv)));
						if (!attributes.contains(labels)) {
							attributes.add(labels);
						}
					}
				}
			}
		}
	}

	private static String text(KeyValue kv) {
		return kv.getValue().getStringValue();
	}

	private static HttpServer receiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/metrics", (exchange) -> {
				try (InputStream body = exchange.getRequestBody()) {
					pushes.add(body.readAllBytes());
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			// stopped with the JVM: the context, closed after this class, pushes once
			// more
			// as it closes
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
