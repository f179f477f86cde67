package io.netstatd.live.sources;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * SYNs from an address of the test's own to a closed port, counted by a short capture
 * beside the sockets: the source has no connection and no close, only its attempts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "netstatd.capture.enabled=true")
@Timeout(60)
class SourcesCaptureTests {

	private static final String SERVER = "127.0.0.46";

	private static final String KNOCKER = "127.0.0.48";

	private static final int KNOCKS = 10;

	@LocalServerPort
	int port;

	@Test
	void countsTheSynsOfASourceToAClosedPort() throws Exception {
		int closed;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(SERVER))) {
			closed = probe.getLocalPort();
		}
		long before = anyPacketSockets();
		CompletableFuture<JsonPath> answer = CompletableFuture.supplyAsync(() -> RestAssured.given()
			.port(this.port)
			.get("/stats/sources?capture=2s&port=" + closed)
			.then()
			.extract()
			.jsonPath());
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> anyPacketSockets() > before || answer.isDone());
		assumeThat(answer.isDone()).as("the capture started (CAP_NET_RAW here)").isFalse();
		for (int i = 0; i < KNOCKS; i++) {
			try (Socket knock = new Socket()) {
				knock.bind(new InetSocketAddress(KNOCKER, 0));
				knock.connect(new InetSocketAddress(SERVER, closed));
			}
			catch (ConnectException refused) {
				// the RST: one SYN each, no retry
			}
		}
		JsonPath sources = answer.get();
		Map<String, Object> knocker = sources.getMap("sources.find { it.ip == '" + KNOCKER + "' }");
		double seconds = sources.getDouble("captureSeconds");
		assertThat(seconds).isGreaterThanOrEqualTo(2.0);
		assertThat(knocker).containsEntry("score", KNOCKS).containsEntry("connections", 0).containsEntry("closed", 0);
		assertThat(Math.round(((Number) knocker.get("synsPerSecond")).doubleValue() * seconds)).isEqualTo(KNOCKS);
		assertThat(Math.round(((Number) knocker.get("packetsPerSecond")).doubleValue() * seconds)).isEqualTo(KNOCKS);
	}

	@Test
	void refusesACaptureOfSeveralPorts() {
		RestAssured.given()
			.port(this.port)
			.get("/stats/sources?capture=2s&port=80,443")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("parameter", org.hamcrest.Matchers.equalTo("capture"));
	}

	/**
	 * Packet sockets on every interface ({@code any}), as /proc/net/packet lists them.
	 */
	private static long anyPacketSockets() throws IOException {
		return Files.readAllLines(Path.of("/proc/net/packet"))
			.stream()
			.skip(1)
			.map((line) -> line.trim().split("\\s+"))
			.filter((fields) -> fields[3].equals("0003") && fields[4].equals("0"))
			.count();
	}

}
