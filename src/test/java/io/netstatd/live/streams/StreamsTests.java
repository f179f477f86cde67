package io.netstatd.live.streams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netstatd.TestSockets;
import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live streams over real HTTP, read as a browser's EventSource would read them: the
 * state counts of the test's own port every interval, an opened then a closed event for a
 * connection the test makes and closes, heartbeats, the bound on open streams, and a
 * client that leaves cleaned up without an error in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.streams.max-open=2", "netstatd.streams.heartbeat=1s" })
@ExtendWith(OutputCaptureExtension.class)
class StreamsTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	static final TestSockets sockets = new TestSockets();

	static ServerSocketChannel server;

	@LocalServerPort
	int port;

	@BeforeAll
	static void listen() {
		server = sockets.listen("127.0.0.1");
		sockets.connect("127.0.0.21", server, "127.0.0.1");
		sockets.connect("127.0.0.22", server, "127.0.0.1");
	}

	@AfterAll
	static void close() throws Exception {
		sockets.close();
	}

	@Test
	void sendsTheStateCountsEveryInterval() throws Exception {
		int p = TestSockets.port(server);
		try (EventReader stream = openWhenFree("/stats/states/stream?interval=1s&port=" + p)) {
			Event first = stream.next("states");
			Event second = stream.next("states");

			for (Event event : List.of(first, second)) {
				JsonPath body = new JsonPath(event.data());
				assertThat(body.getInt("total")).isEqualTo(5);
				assertThat(count(body, "LISTEN")).isEqualTo(1);
				assertThat(count(body, "ESTABLISHED")).isEqualTo(4);
			}
			String polled = RestAssured.given().port(this.port).get("/stats/states?port=" + p).asString();
			assertThat(new JsonPath(second.data()).getMap("")).isEqualTo(new JsonPath(polled).getMap(""));
		}
	}

	@Test
	void tellsAConnectionOpenedAndThenClosed() throws Exception {
		int p = TestSockets.port(server);
		try (EventReader stream = openWhenFree(
				"/connections/stream?interval=1s&state=established&localAddress=127.0.0.23&remotePort=" + p)) {
			// nothing from 127.0.0.23 yet
			assertThat(new JsonPath(stream.next("ready").data()).getInt("sockets")).isZero();

			SocketChannel client = SocketChannel.open();
			client.bind(new InetSocketAddress("127.0.0.23", 0));
			client.connect(new InetSocketAddress("127.0.0.1", p));
			SocketChannel accepted = server.accept();
			int clientPort = TestSockets.port(client);
			Event opened = stream.next("opened");
			JsonPath socket = new JsonPath(opened.data());
			assertThat(socket.getString("localAddress")).isEqualTo("127.0.0.23");
			assertThat(socket.getInt("localPort")).isEqualTo(clientPort);
			assertThat(socket.getInt("remotePort")).isEqualTo(p);
			assertThat(socket.getString("state")).isEqualTo("ESTABLISHED");

			client.close();
			accepted.close();
			JsonPath closed = new JsonPath(stream.next("closed").data());
			assertThat(closed.getInt("localPort")).isEqualTo(clientPort);
			assertThat(closed.getString("localAddress")).isEqualTo("127.0.0.23");
		}
	}

	/**
	 * The side that closes first: the kernel's notice comes when its full socket becomes
	 * a TIME_WAIT one, which {@code ss -tan} and {@code /connections} show for 60 s more.
	 * The stream tells that as {@code changed} to TIME_WAIT, with the notice's final
	 * counters, and {@code closed} only when the TIME_WAIT row goes (here killed with
	 * {@code ss -K}, as netstat -c would see it go).
	 */
	@Test
	void tellsTimeWaitAsAChangeAndItsEndAsTheClose() throws Exception {
		assumeTrue(Tools.installed("ss"), "ss is needed to end the TIME_WAIT: not installed");
		int p = TestSockets.port(server);
		try (EventReader stream = openWhenFree(
				"/connections/stream?interval=1s&info=true&localAddress=127.0.0.24&remotePort=" + p)) {
			assumeTrue("kernel".equals(new JsonPath(stream.next("ready").data()).getString("closes")),
					"the service cannot join the sock_diag destroy groups here");
			SocketChannel client = SocketChannel.open();
			client.bind(new InetSocketAddress("127.0.0.24", 0));
			client.connect(new InetSocketAddress("127.0.0.1", p));
			SocketChannel accepted = server.accept();
			int clientPort = TestSockets.port(client);
			assertThat(new JsonPath(stream.next("opened").data()).getInt("localPort")).isEqualTo(clientPort);
			TestSockets.exchange(client, accepted, 1000, 500);

			// the client closes first: FIN_WAIT2, then TIME_WAIT at the server's FIN
			client.close();
			TestSockets.awaitEndOfStream(accepted);
			accepted.close();
			JsonPath changed = timeWaitOf(stream);
			assertThat(changed.getInt("localPort")).isEqualTo(clientPort);
			assertThat(changed.getString("source")).isEqualTo("kernel");
			// tcpi_bytes_received: the 500 bytes and the server's FIN
			assertThat(changed.getLong("tcpInfo.bytesReceived")).isEqualTo(501);
			assertThat(changed.getLong("tcpInfo.bytesAcked")).isGreaterThanOrEqualTo(1000);
			// a dual-stack channel's socket: tcp6, the address IPv4-mapped
			assertThat(Tools.run("ss -tanH state time-wait src 127.0.0.24"))
				.containsPattern("127\\.0\\.0\\.24]?:" + clientPort + " ");

			Tools.run("ss -K -tan state time-wait src 127.0.0.24");
			JsonPath closed = new JsonPath(stream.next("closed").data());
			assertThat(closed.getInt("localPort")).isEqualTo(clientPort);
			assertThat(closed.getString("state")).isEqualTo("TIME_WAIT");
			assertThat(closed.getString("source")).isEqualTo("snapshot");
		}
	}

	/** The first event that tells the socket in TIME_WAIT, or its close. */
	private static JsonPath timeWaitOf(EventReader stream) throws InterruptedException {
		while (true) {
			Event event = stream.nextOf("changed", "closed");
			JsonPath body = new JsonPath(event.data());
			assertThat(event.name()).as("%s before TIME_WAIT: %s", event.name(), event.data()).isEqualTo("changed");
			if ("TIME_WAIT".equals(body.getString("state"))) {
				return body;
			}
		}
	}

	@Test
	void keepsAnIdleStreamAliveWithHeartbeatsAndFreesTheClientsPlace(CapturedOutput output) throws Exception {
		// the other tests' streams end at their next write after they left
		EventReader first = openWhenFree("/connections/stream?interval=5s&port=1");
		EventReader second = openWhenFree("/stats/states/stream?interval=60s&port=1");
		try {
			first.next("ready");
			assertThat(second.nextComment()).isEqualTo(":heartbeat");

			RestAssured.given()
				.port(this.port)
				.get("/stats/states/stream")
				.then()
				.statusCode(503)
				.contentType("application/problem+json")
				.header("Retry-After", "10")
				.body("title", equalTo("Too many streams"));
		}
		finally {
			first.close();
		}
		// the service notices at its next write (a heartbeat within a second) and frees
		// the place
		try (EventReader third = openWhenFree("/stats/states/stream?interval=1s&port=1")) {
			assertThat(third.status()).isEqualTo(200);
			third.next("states");
		}
		second.close();
		// the service has noticed the second and third clients leave once both places are
		// free again
		try (EventReader fourth = openWhenFree("/stats/states/stream?interval=1s&port=1");
				EventReader fifth = openWhenFree("/stats/states/stream?interval=1s&port=1")) {
			assertThat(fourth.status()).isEqualTo(200);
			assertThat(fifth.status()).isEqualTo(200);
		}
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Exception");
	}

	@Test
	void refusesBadIntervalsAndListParameters() {
		for (String query : List.of("interval=500ms", "interval=2h", "interval=soon", "interval=0")) {
			RestAssured.given()
				.port(this.port)
				.get("/stats/states/stream?" + query)
				.then()
				.statusCode(400)
				.contentType("application/problem+json")
				.body("parameter", equalTo("interval"));
		}
		RestAssured.given()
			.port(this.port)
			.get("/connections/stream?sort=-recvQ")
			.then()
			.statusCode(400)
			.body("parameter", equalTo("sort"));
		RestAssured.given()
			.port(this.port)
			.get("/connections/stream?protocol=unix")
			.then()
			.statusCode(400)
			.body("parameter", equalTo("protocol"));
	}

	/** A stream opened as soon as the bound lets it, within the wait. */
	private EventReader openWhenFree(String path) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			EventReader reader = new EventReader(this.port, path);
			if (reader.status() == 200 || System.nanoTime() > deadline) {
				return reader;
			}
			reader.close();
			Thread.sleep(200);
		}
	}

	private static int count(JsonPath body, String state) {
		List<Map<String, Object>> states = body.getList("states");
		return states.stream()
			.filter((s) -> s.get("state").equals(state))
			.mapToInt((s) -> (Integer) s.get("count"))
			.findFirst()
			.orElseThrow();
	}

	record Event(String name, String data) {

	}

	/**
	 * An SSE client over a plain socket: HTTP/1.0, so that the body is the event stream
	 * itself, and closing the socket is leaving.
	 */
	static final class EventReader implements AutoCloseable {

		private final Socket socket;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final int status;

		EventReader(int port, String path) throws IOException {
			this.socket = new Socket("127.0.0.1", port);
			OutputStream out = this.socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
			String statusLine = reader.readLine();
			this.status = Integer.parseInt(statusLine.split(" ")[1]);
			String header;
			while ((header = reader.readLine()) != null && !header.isEmpty()) {
				// headers
			}
			Thread pump = new Thread(() -> {
				try {
					String line;
					while ((line = reader.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// closed
				}
			});
			pump.setDaemon(true);
			pump.start();
		}

		int status() {
			return this.status;
		}

		/** The next event named {@code name}, skipping others and comments. */
		Event next(String name) throws InterruptedException {
			return nextOf(name);
		}

		/** The next event with one of {@code names}, skipping others and comments. */
		Event nextOf(String... names) throws InterruptedException {
			List<String> wanted = List.of(names);
			long deadline = System.nanoTime() + WAIT.toNanos();
			String event = null;
			List<String> data = new ArrayList<>();
			while (System.nanoTime() < deadline) {
				String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
				if (line == null) {
					continue;
				}
				if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.add(line.substring(5));
				}
				else if (line.isEmpty() && event != null) {
					if (wanted.contains(event)) {
						return new Event(event, String.join("\n", data));
					}
					event = null;
					data.clear();
				}
			}
			throw new AssertionError("no " + wanted + " event within " + WAIT);
		}

		/** The next comment line. */
		String nextComment() throws InterruptedException {
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (System.nanoTime() < deadline) {
				String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
				if (line != null && line.startsWith(":")) {
					return line;
				}
			}
			throw new AssertionError("no comment within " + WAIT);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
