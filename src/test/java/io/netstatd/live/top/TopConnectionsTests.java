package io.netstatd.live.top;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /top/connections} over connections this test holds on loopback, from 127.0.0.7
 * to a listener of its own: one sends 64 KiB every 50 ms (about 1.3 MB/s) while the
 * service looks, two stay idle, one is reset and one opens between the looks. The busy
 * one ranks first with about the rate it was sent at (bounded loosely: the looks and the
 * sender's clock are not the same); the idle ones moved exactly nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Timeout(60)
class TopConnectionsTests {

	private static final int CHUNK = 64 * 1024;

	private static final long PERIOD_MILLIS = 50;

	@LocalServerPort
	int servicePort;

	private ServerSocket listener;

	private final List<Socket> held = new ArrayList<>();

	private volatile boolean sending = true;

	@BeforeEach
	void holdConnections() throws IOException {
		RestAssured.port = this.servicePort;
		String cookie = RestAssured.get("/connections?protocol=tcp,tcp6&limit=1")
			.jsonPath()
			.getString("connections[0].cookie");
		assumeTrue(cookie != null, "the service reads procfs here (no sock_diag): no tcp_info to measure by");
		this.listener = new ServerSocket();
		this.listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
		for (int i = 0; i < 4; i++) {
			connect();
		}
	}

	private Socket connect() throws IOException {
		Socket client = new Socket();
		client.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.7"), 0));
		client.connect(this.listener.getLocalSocketAddress(), 5000);
		Socket server = this.listener.accept();
		this.held.add(client);
		this.held.add(server);
		// the server side reads whatever comes, so that the sender is never blocked; a
		// thread of its own: the common pool has one worker on two cores
		Thread reader = new Thread(() -> drain(server), "test-drain");
		reader.setDaemon(true);
		reader.start();
		return client;
	}

	private static void drain(Socket server) {
		byte[] buffer = new byte[CHUNK];
		try (InputStream in = server.getInputStream()) {
			while (in.read(buffer) >= 0) {
				// read and dropped
			}
		}
		catch (IOException ex) {
			// closed by the test
		}
	}

	@AfterEach
	void close() throws IOException {
		this.sending = false;
		for (Socket socket : this.held) {
			socket.close();
		}
		if (this.listener != null) {
			this.listener.close();
		}
	}

	@Test
	void ranksTheSenderFirstAndMarksWhatOpenedAndClosed() throws Exception {
		Socket busy = this.held.get(0);
		Socket closing = this.held.get(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(busy), threads);
		CompletableFuture<Socket> opened = CompletableFuture.supplyAsync(() -> {
			try {
				TimeUnit.MILLISECONDS.sleep(500);
				// a reset, not a FIN: the socket is gone at once, no TIME_WAIT left
				// behind
				closing.setSoLinger(true, 0);
				closing.close();
				return connect();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, threads);

		JsonPath top = RestAssured
			.get("/top/connections?interval=1500ms&by=bytes&localAddress=127.0.0.7&remotePort="
					+ this.listener.getLocalPort())
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		this.sending = false;
		sender.get(10, TimeUnit.SECONDS);
		int openedPort = opened.get(10, TimeUnit.SECONDS).getLocalPort();
		threads.shutdown();

		List<Map<String, Object>> rows = top.getList("connections");
		assertThat(rows).hasSize(5);
		assertThat(rows.get(0).get("localPort")).isEqualTo(busy.getLocalPort());
		double rate = ((Number) rows.get(0).get("sentPerSecond")).doubleValue();
		double sentRate = CHUNK * 1000.0 / PERIOD_MILLIS;
		assertThat(rate).isBetween(sentRate * 0.4, sentRate * 1.2);
		for (Map<String, Object> row : rows.subList(1, rows.size())) {
			int port = (Integer) row.get("localPort");
			if (port == closing.getLocalPort()) {
				assertThat(row).containsEntry("closed", true).doesNotContainKey("sentPerSecond");
			}
			else if (port == openedPort) {
				assertThat(row).containsEntry("opened", true);
			}
			else {
				assertThat(row).containsEntry("sentPerSecond", 0.0f).containsEntry("receivedPerSecond", 0.0f);
			}
		}
		assertThat(top.getDouble("intervalSeconds")).isGreaterThanOrEqualTo(1.5);
	}

	/**
	 * A transfer that opens, moves 400 KB and closes between the looks: no dump sees it,
	 * its destroy notice does, with its final counters (as tcptop counts it).
	 */
	@Test
	void countsAConnectionThatOpenedMovedAndClosedBetweenTheLooks() throws Exception {
		int bytes = 400_000;
		CompletableFuture<Integer> transfer = CompletableFuture.supplyAsync(() -> {
			try {
				TimeUnit.MILLISECONDS.sleep(300);
				Socket client = connect();
				client.getOutputStream().write(new byte[bytes]);
				// a FIN, then the server's: the client's end becomes TIME_WAIT, and the
				// kernel destroys the full socket with a notice
				client.shutdownOutput();
				client.getInputStream().readAllBytes();
				client.close();
				return client.getLocalPort();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		JsonPath top = RestAssured
			.get("/top/connections?interval=1500ms&by=bytes&localAddress=127.0.0.7&remotePort="
					+ this.listener.getLocalPort())
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		int transferPort = transfer.get(10, TimeUnit.SECONDS);
		assumeTrue(RestAssured.get("/stats/closed?window=1s").statusCode() == 200,
				"the service cannot join the sock_diag destroy groups here");

		List<Map<String, Object>> rows = top.getList("connections");
		Map<String, Object> moved = rows.stream()
			.filter((row) -> row.get("localPort").equals(transferPort))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the short transfer is not listed: " + rows));
		assertThat(moved).containsEntry("opened", true).containsEntry("closed", true);
		// every byte acknowledged, and the SYN and the FIN (tcpi_bytes_acked counts
		// snd_una's advance), over the interval the answer measured; the JSON's numbers
		// are read as floats, good to seven digits
		double interval = top.getDouble("intervalSeconds");
		assertThat(((Number) moved.get("sentPerSecond")).doubleValue() * interval).isCloseTo(bytes + 2.0,
				org.assertj.core.data.Offset.offset(0.5));
		// the busiest of the interval, though no look saw it move
		assertThat(rows.get(0).get("localPort")).isEqualTo(transferPort);
	}

	@Test
	void printsAsTcptopDoes() {
		String table = RestAssured
			.get("/top/connections?interval=100ms&format=table&localAddress=127.0.0.7&remotePort="
					+ this.listener.getLocalPort())
			.asString();

		assertThat(table.lines().findFirst().orElseThrow().split("\\s+")).containsExactly("LADDR", "RADDR", "RX_KB/s",
				"TX_KB/s", "RETRANS/s", "SEGS/s", "STATE");
		assertThat(table.lines().count()).isEqualTo(1 + 4);
	}

	@Test
	void refusesAnIntervalPastItsBound() {
		RestAssured.get("/top/connections?interval=10s").then().statusCode(400).body("parameter", equalTo("interval"));
	}

	private void send(Socket socket) {
		byte[] chunk = new byte[CHUNK];
		try {
			while (this.sending) {
				socket.getOutputStream().write(chunk);
				TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
			}
		}
		catch (IOException | InterruptedException ex) {
			// closed by the test
		}
	}

}
