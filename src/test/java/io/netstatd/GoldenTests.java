package io.netstatd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import io.restassured.RestAssured;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service, over HTTP, against a captured procfs tree: each answer must equal
 * the committed one in {@code src/test/resources/golden/}, order included. After a
 * deliberate change, {@code ./mvnw test -Dtest=GoldenTests -Dgolden.update=true} rewrites
 * them; review the diff.
 */
@GoldenTreeTest
class GoldenTests {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{1}")
	@CsvSource({ "connections, /connections",
			"connections-tcp6-established, /connections?protocol=tcp6&state=ESTABLISHED",
			"connections-udp, /connections?protocol=udp,udp6", "listening, /listening", "stats-states, /stats/states",
			"stats-states-port-18080, /stats/states?port=18080", "stats-states-tcp6, /stats/states?protocol=tcp6",
			"top-ips-18080, /stats/top-ips?port=18080", "top-ips-18082, /stats/top-ips?port=18082",
			"top-ips-all, /stats/top-ips", "stats-protocols, /stats/protocols",
			"stats-protocols-tcp, /stats/protocols?protocol=Tcp,TcpExt", "stats-sockets, /stats/sockets",
			"interfaces, /interfaces", "routes, /routes", "routes-inet6, /routes?family=inet6", "multicast, /multicast",
			"masquerade, /masquerade" })
	void answersAsCommitted(String name, String path) throws IOException, JSONException {
		String actual = RestAssured.given()
			.port(this.port)
			.urlEncodingEnabled(false)
			.filter(new OpenApiValidationFilter())
			.get(path)
			.then()
			.statusCode(200)
			.extract()
			.asString();
		Path expected = GOLDEN.resolve(name + ".json");
		if (Boolean.getBoolean("golden.update")) {
			JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
			Files.writeString(expected, mapper.writeValueAsString(mapper.readTree(actual)) + "\n",
					StandardCharsets.UTF_8);
		}
		JSONAssert.assertEquals(Files.readString(expected), actual, JSONCompareMode.STRICT);
	}

	/**
	 * The service's own metrics (those named netstatd_*) from the same tree: the scrape
	 * Prometheus would get, but for the skipped-line counter.
	 */
	@Test
	void exposesMetricsAsCommitted() throws IOException {
		String scrape = RestAssured.given()
			.port(this.port)
			.get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.extract()
			.asString();
		String actual = scrape.lines()
			.filter((line) -> line.startsWith("netstatd_") || line.startsWith("# HELP netstatd_")
					|| line.startsWith("# TYPE netstatd_"))
			// which files have a series depends on what the suite asked before
			// (HostMetricsTests
			// checks this counter)
			.filter((line) -> !line.contains("netstatd_skipped_lines_total"))
			// a timing: its value differs at every scrape (HostMetricsTests checks it)
			.filter((line) -> !line.startsWith("netstatd_scrape_collector_duration_seconds{"))
			.collect(Collectors.joining("\n", "", "\n"));
		Path expected = GOLDEN.resolve("metrics.txt");
		if (Boolean.getBoolean("golden.update")) {
			Files.writeString(expected, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).isEqualTo(Files.readString(expected));
	}

	/**
	 * A client that asks gets the body compressed, the same once inflated; a stream
	 * never.
	 */
	@Test
	void compressesWhenAskedButNeverAStream() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String plain = client.send(request("/connections?format=table").build(), HttpResponse.BodyHandlers.ofString())
			.body();
		HttpResponse<byte[]> compressed = client.send(
				request("/connections?format=table").header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (GZIPInputStream inflated = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertThat(new String(inflated.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
		HttpResponse<InputStream> stream = client.send(
				request("/stats/states/stream").header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream events = stream.body()) {
			assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
			assertThat(new String(events.readNBytes(13), StandardCharsets.UTF_8)).isEqualTo("event:states\n");
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
	}

}
