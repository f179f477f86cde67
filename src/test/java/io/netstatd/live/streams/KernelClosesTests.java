package io.netstatd.live.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Closes the kernel announces: a stream on a port of this test's, then 200 connections to
 * it from 127.0.0.8, each sending a known number of bytes (its index times 10, plus 1)
 * and closing, all within one interval of the stream, so that no snapshot ever sees them.
 * The stream sends exactly 200 {@code closed} events with {@code source} kernel for the
 * server's ends, each with the bytes its client sent, and its FIN, as
 * {@code tcpInfo.bytesReceived}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// the per-port series cover the ports with most closes: in a JVM full of test
		// contexts' own ports, this test's port must not fall past the bound
		properties = { "netstatd.metrics.connection-ports=100000", "netstatd.node-name=n1",
				// thousands of closes an interval, each an event, none folded into an
				// overflow
				"netstatd.streams.max-events=100000",
				// a stream that ended is let go at its next write: the tests' streams
				// from 127.0.0.1 overlap
				"netstatd.streams.max-per-client=16" })
@Timeout(60)
class KernelClosesTests {

	private static final int CONNECTIONS = 200;

	@LocalServerPort
	int port;

	private long started;

	private double closesBefore;

	private double bytesBefore;

	@Test
	void sendsEveryConnectionTheKernelDestroysBetweenTwoSnapshots() throws Exception {
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
			int p = listener.getLocalPort();
			try (StreamsTests.EventReader stream = new StreamsTests.EventReader(this.port,
					"/connections/stream?interval=5s&info=true&localPort=" + p)) {
				assertThat(stream.status()).isEqualTo(200);
				String closes = new JsonPath(stream.next("ready").data()).getString("closes");
				assumeTrue("kernel".equals(closes),
						"the service cannot join the sock_diag destroy groups here (sockets read through sock_diag)");
				this.started = System.nanoTime();
				this.closesBefore = metric("netstatd_tcp_closed_connections_total{node=\"n1\",port=\"" + p + "\"}");
				this.bytesBefore = metric(
						"netstatd_tcp_closed_bytes_total{direction=\"received\",node=\"n1\",port=\"" + p + "\"}");
				Map<Integer, Integer> sentByClientPort = connectAndClose(listener);

				Map<Integer, Long> received = new HashMap<>();
				for (int i = 0; i < CONNECTIONS; i++) {
					JsonPath closed = new JsonPath(stream.next("closed").data());
					assertThat(closed.getString("source")).isEqualTo("kernel");
					assertThat(closed.getInt("localPort")).isEqualTo(p);
					received.put(closed.getInt("remotePort"), closed.getLong("tcpInfo.bytesReceived"));
				}

				assertThat(received).hasSize(CONNECTIONS);
				// tcpi_bytes_received counts rcv_nxt's advance: the bytes, and the
				// client's FIN
				sentByClientPort
					.forEach((clientPort, sent) -> assertThat(received).containsEntry(clientPort, sent + 1L));
			}
			// and who connected in the last minute, which no snapshot saw
			long bytes = sentBytesAndFins();
			JsonPath closed = closedByRemote(p);
			assertThat(closed.getBoolean("complete")).isTrue();
			assertThat(closed.getList("groups")).hasSize(1);
			assertThat(closed.getString("groups[0].key")).isEqualTo("127.0.0.8");
			assertThat(closed.getLong("groups[0].count")).isEqualTo(CONNECTIONS);
			assertThat(closed.getLong("groups[0].bytesReceived")).isEqualTo(bytes);
			assertThat(RestAssured.given()
				.port(this.port)
				.get("/stats/closed?format=table&localAddress=127.0.0.1&window=" + window() + "ms&port=" + p)
				.asString()).isEqualTo(String.format("%7d %s%n", CONNECTIONS, "127.0.0.8"));
			// the counters count since the service started: an earlier test's port may
			// share the number
			assertThat(
					metric("netstatd_tcp_closed_connections_total{node=\"n1\",port=\"" + p + "\"}") - this.closesBefore)
				.isEqualTo(CONNECTIONS);
			assertThat(metric("netstatd_tcp_closed_bytes_total{direction=\"received\",node=\"n1\",port=\"" + p + "\"}")
					- this.bytesBefore)
				.isEqualTo(bytes);
			listener.close();
		}
	}

	/**
	 * The notices a table holds for a tick drop their tcp_info while no stream shows it;
	 * a stream that shows it, joining, has every close's counters from its baseline on.
	 */
	@Test
	void aStreamShowingTcpInfoJoinsOneThatDoesNot() throws Exception {
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
			int p = listener.getLocalPort();
			try (StreamsTests.EventReader plain = new StreamsTests.EventReader(this.port,
					"/connections/stream?interval=5s&localPort=" + p)) {
				assumeTrue("kernel".equals(new JsonPath(plain.next("ready").data()).getString("closes")),
						"the service cannot join the sock_diag destroy groups here (sockets read through sock_diag)");
				try (StreamsTests.EventReader counted = new StreamsTests.EventReader(this.port,
						"/connections/stream?interval=5s&info=true&localPort=" + p)) {
					counted.next("ready");
					Map<Integer, Integer> sentByClientPort = connectAndClose(listener);

					for (int i = 0; i < CONNECTIONS; i++) {
						JsonPath closed = new JsonPath(counted.next("closed").data());
						assertThat(closed.getLong("tcpInfo.bytesReceived"))
							.isEqualTo(sentByClientPort.get(closed.getInt("remotePort")) + 1L);
						JsonPath plainly = new JsonPath(plain.next("closed").data());
						assertThat(plainly.getString("source")).isEqualTo("kernel");
						assertThat(plainly.getMap("tcpInfo")).isNull();
					}
				}
			}
			listener.close();
		}
	}

	/** A series' value in a scrape, 0 when absent. */
	private double metric(String series) {
		return RestAssured.given()
			.port(this.port)
			.get("/actuator/prometheus")
			.asString()
			.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElse(0);
	}

	/** Sum of i * 10 + 1 over the connections, and one for each FIN. */
	private static long sentBytesAndFins() {
		long bytes = 0;
		for (int i = 0; i < CONNECTIONS; i++) {
			bytes += i * 10 + 1 + 1;
		}
		return bytes;
	}

	/**
	 * A window that begins just before the connections: the recorder ran all of it, and
	 * an earlier test's connections to a port of the same number are left out.
	 */
	private long window() {
		return Math.max(1000, (System.nanoTime() - this.started) / 1_000_000 + 100);
	}

	/** /stats/closed for the port, once the recorder has drained every notice. */
	private JsonPath closedByRemote(int p) throws InterruptedException {
		JsonPath closed = null;
		for (int tries = 0; tries < 50; tries++) {
			// a window that begins just before the connections: the recorder ran all of
			// it
			long window = Math.max(1000, (System.nanoTime() - this.started) / 1_000_000 + 100);
			closed = RestAssured.given()
				.port(this.port)
				.get("/stats/closed?by=remote&localAddress=127.0.0.1&window=" + window + "ms&port=" + p)
				.jsonPath();
			if (closed.getLong("total") >= CONNECTIONS) {
				break;
			}
			Thread.sleep(100);
		}
		return closed;
	}

	@Test
	void keepsUpWithThousandsOfClosesOrSaysWhatItMissed() throws Exception {
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
			int p = listener.getLocalPort();
			try (StreamsTests.EventReader stream = new StreamsTests.EventReader(this.port,
					"/connections/stream?interval=1s&localPort=" + p)) {
				assumeTrue("kernel".equals(new JsonPath(stream.next("ready").data()).getString("closes")),
						"the service cannot join the sock_diag destroy groups here (sockets read through sock_diag)");
				double lostBefore = metric("netstatd_socket_destroy_notices_lost_total{node=\"n1\"}");
				// as many connections as 3 s allow, each opened and reset at once
				int made = 0;
				long start = System.nanoTime();
				long until = start + 3_000_000_000L;
				while (System.nanoTime() - until < 0 && made < 20_000) {
					try (Socket client = new Socket("127.0.0.1", p); Socket server = listener.accept()) {
						client.setSoLinger(true, 0);
						server.setSoLinger(true, 0);
					}
					made++;
				}
				double perSecond = made / ((System.nanoTime() - start) / 1e9);

				int closed = 0;
				boolean overflow = false;
				while (closed < made && !overflow) {
					StreamsTests.Event event = stream.nextOf("closed", "overflow");
					overflow = event.name().equals("overflow");
					closed += overflow ? 0 : 1;
				}
				System.out.printf("[churn] %d connections reset in 3 s (%.0f a second): %d closed events, %s%n", made,
						perSecond, closed, overflow ? "an overflow event" : "none missed");
				assertThat(perSecond).as("closes a second").isGreaterThan(500);
				if (overflow) {
					// the kernel or the stream dropped some: said, and counted if the
					// kernel did
					assertThat(closed).isLessThan(made);
				}
				else {
					assertThat(closed).isEqualTo(made);
					assertThat(metric("netstatd_socket_destroy_notices_lost_total{node=\"n1\"}")).isEqualTo(lostBefore);
				}
			}
		}
	}

	@Test
	void saysWhereClosesComeFromInTheReadyEvent() throws Exception {
		try (StreamsTests.EventReader stream = new StreamsTests.EventReader(this.port,
				"/connections/stream?interval=1s&localPort=1")) {
			String closes = new JsonPath(stream.next("ready").data()).getString("closes");

			assertThat(closes).isIn("kernel", "snapshot");
			assertThat(RestAssured.given().port(this.port).get("/actuator/info").jsonPath().getString("closes"))
				.isEqualTo(closes);
		}
	}

	/** The connections, each closed by both ends once its bytes are read. */
	private static Map<Integer, Integer> connectAndClose(ServerSocket listener) throws IOException {
		Map<Integer, Integer> sent = new HashMap<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			int bytes = i * 10 + 1;
			try (Socket client = new Socket()) {
				client.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.8"), 0));
				client.connect(listener.getLocalSocketAddress(), 5000);
				try (Socket server = listener.accept()) {
					OutputStream out = client.getOutputStream();
					out.write(new byte[bytes]);
					client.shutdownOutput();
					InputStream in = server.getInputStream();
					int read = 0;
					while (in.read() >= 0) {
						read++;
					}
					assertThat(read).isEqualTo(bytes);
					sent.put(client.getLocalPort(), bytes);
				}
			}
		}
		return sent;
	}

}
