package io.netstatd.live.sources;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.ApiCalls;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known mix on loopback, each part from an address of its own: 30 connections held from
 * one address, 200 short ones from another, and 20 clients against a listener with a
 * backlog of 2 that never accepts. Each source is counted exactly, and the full queue is
 * named on its own port and not on the other. Another program may share the ports'
 * numbers on other addresses: only this test's addresses and listeners are asserted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Timeout(120)
class SourcesTests {

	private static final String SERVER = "127.0.0.41";

	private static final String HOLDER = "127.0.0.42";

	private static final String CHURNER = "127.0.0.43";

	private static final String KNOCKER = "127.0.0.44";

	@LocalServerPort
	int port;

	@Test
	void countsEachSourceAndNamesTheFullQueueOnItsPortAlone() throws Exception {
		List<AutoCloseable> held = new ArrayList<>();
		try (ServerSocket service = new ServerSocket(0, 64, java.net.InetAddress.getByName(SERVER));
				ServerSocket stuck = new ServerSocket(0, 2, java.net.InetAddress.getByName(SERVER))) {
			int p = service.getLocalPort();
			for (int i = 0; i < 30; i++) {
				held.add(connect(HOLDER, p));
				held.add(service.accept());
			}
			for (int i = 0; i < 200; i++) {
				try (Socket client = connect(CHURNER, p); Socket accepted = service.accept()) {
					OutputStream out = client.getOutputStream();
					out.write(new byte[100]);
					client.shutdownOutput();
					InputStream in = accepted.getInputStream();
					assertThat(in.readAllBytes()).hasSize(100);
				}
			}
			for (int i = 0; i < 20; i++) {
				SocketChannel knock = SocketChannel.open();
				knock.configureBlocking(false);
				knock.bind(new InetSocketAddress(KNOCKER, 0));
				knock.connect(new InetSocketAddress(SERVER, stuck.getLocalPort()));
				held.add(knock);
			}

			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(source(sources(p), CHURNER)).containsEntry("closed", 200)
					.containsEntry("connections", 0));
			JsonPath busy = sources(p);
			assertThat(source(busy, HOLDER)).isEqualTo(Map.of("ip", HOLDER, "score", 30, "connections", 30, "states",
					Map.of("ESTABLISHED", 30), "closed", 0, "bytesReceived", 0, "bytesSent", 0));
			// 100 bytes and the client's FIN received on each, the server's FIN sent and
			// acknowledged: the kernel counts a FIN as a byte each way
			assertThat(source(busy, CHURNER)).isEqualTo(Map.of("ip", CHURNER, "score", 200, "connections", 0, "states",
					Map.of(), "closed", 200, "bytesReceived", 200 * 101, "bytesSent", 200));
			assertThat(busy.getList("signals.kind")).doesNotContain("accept-queue-full");
			assertThat(busy.getList("signals.detail", String.class))
				.anyMatch(
						(detail) -> detail.matches(HOLDER.replace(".", "\\.") + " holds 30 of the \\d+ connections.*"))
				.anyMatch((detail) -> detail.matches(
						CHURNER.replace(".", "\\.") + " closed 200 of the \\d+ connections closed in the window.*"));

			JsonPath full = sources(stuck.getLocalPort());
			List<Map<String, Object>> queues = full.getList("signals.findAll { it.kind == 'accept-queue-full' }");
			assertThat(queues).hasSize(1);
			assertThat(queues.get(0)).containsEntry("scope", SERVER + ":" + stuck.getLocalPort());
			// the queue holds the backlog and one more (sk_acceptq_is_full: a queue is
			// full
			// past its backlog), all from the knocker, each established and not yet
			// accepted
			int waiting = ((Number) queues.get(0).get("value")).intValue();
			assertThat(waiting).isEqualTo(3);
			assertThat(source(full, KNOCKER)).containsEntry("connections", waiting)
				.containsEntry("states", Map.of("ESTABLISHED", waiting));

			String table = RestAssured.given()
				.port(this.port)
				.get("/stats/sources?format=table&port=" + stuck.getLocalPort())
				.asString();
			assertThat(table)
				.contains(String.format("%7d %s  connections %d (ESTABLISHED %d), closed 0", waiting, KNOCKER, waiting,
						waiting))
				.contains("accept-queue-full " + SERVER + ":" + stuck.getLocalPort() + ": " + waiting
						+ " connections wait to be accepted, the listener's backlog is 2");
		}
		finally {
			for (AutoCloseable socket : held) {
				socket.close();
			}
		}
	}

	private JsonPath sources(int p) {
		RestAssured.port = this.port;
		return ApiCalls.getJson("/stats/sources?limit=1000&port=" + p);
	}

	private static Map<String, Object> source(JsonPath answer, String ip) {
		return answer.getMap("sources.find { it.ip == '" + ip + "' }");
	}

	private static Socket connect(String from, int port) throws Exception {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(from, 0));
		socket.connect(new InetSocketAddress(SERVER, port));
		return socket;
	}

}
