package io.netstatd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

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
			.collect(Collectors.joining("\n", "", "\n"));
		Path expected = GOLDEN.resolve("metrics.txt");
		if (Boolean.getBoolean("golden.update")) {
			Files.writeString(expected, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).isEqualTo(Files.readString(expected));
	}

}
