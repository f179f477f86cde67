package io.netstatd.live.closed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A burst of 20,000 closes, then {@code /stats/closed} at once: right after a burst, the
 * kernel's notices wait in the socket's receive queue for seconds, and an answer that did
 * not take them in first counted half of them as complete. Now it counts them all, or
 * says {@code complete: false} (and {@code Netstatd-Complete: false} in text), and counts
 * every one seconds later. The connections are the test's own: 127.67.0.2 to a listener
 * on 127.67.0.1, each reset at once by both ends, so none is left in TIME_WAIT.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Timeout(120)
class ClosedBurstTests {

	private static final int CONNECTIONS = 20_000;

	@LocalServerPort
	int port;

	@Test
	void countsEveryCloseOfABurstAtOnceOrSaysItMayMissSome() throws Exception {
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByName("127.67.0.1"), 0), 4096);
			int p = listener.getLocalPort();
			assumeTrue(RestAssured.given().port(this.port).get(closed(p, 1000)).statusCode() == 200,
					"the service cannot join the sock_diag destroy groups here");
			long started = System.nanoTime();
			for (int i = 0; i < CONNECTIONS; i++) {
				burst(listener, p);
			}
			long window = (System.nanoTime() - started) / 1_000_000 + 1000;

			Response atOnce = RestAssured.given().port(this.port).get(closed(p, window));
			JsonPath answer = atOnce.jsonPath();
			long lost = lostNotices();
			System.out.printf("[burst] %d closes in %d ms; at once: total %d, complete %s; notices lost so far %d%n",
					CONNECTIONS, window - 1000, answer.getLong("total"), answer.getBoolean("complete"), lost);
			if (answer.getBoolean("complete")) {
				assertThat(answer.getLong("total")).isEqualTo(CONNECTIONS);
			}
			else {
				assertThat(RestAssured.given()
					.port(this.port)
					.get(closed(p, window) + "&format=table")
					.header("Netstatd-Complete")).isEqualTo("false");
			}

			// seconds later, every one, unless the kernel said it dropped some
			long total = 0;
			for (int tries = 0; tries < 100 && total < CONNECTIONS; tries++) {
				window = (System.nanoTime() - started) / 1_000_000 + 1000;
				total = RestAssured.given().port(this.port).get(closed(p, window)).jsonPath().getLong("total");
				Thread.sleep(100);
			}
			System.out.printf("[burst] later: total %d%n", total);
			if (lostNotices() == 0) {
				assertThat(total).isEqualTo(CONNECTIONS);
			}
		}
	}

	/**
	 * A connection from 127.67.0.2, accepted, both ends reset: the client first, so that
	 * the server's end is destroyed with its peer known (an end that resets clears its
	 * peer's port before it is destroyed, and its notice is no connection).
	 */
	private static void burst(ServerSocket listener, int p) throws IOException {
		try (Socket client = new Socket(); Socket server = accepted(client, listener, p)) {
			client.setSoLinger(true, 0);
			server.setSoLinger(true, 0);
			client.close();
		}
	}

	private static Socket accepted(Socket client, ServerSocket listener, int p) throws IOException {
		client.bind(new InetSocketAddress(InetAddress.getByName("127.67.0.2"), 0));
		client.connect(new InetSocketAddress(InetAddress.getByName("127.67.0.1"), p));
		return listener.accept();
	}

	private static String closed(int p, long windowMillis) {
		return "/stats/closed?localAddress=127.67.0.1&port=" + p + "&window=" + Math.min(windowMillis, 600_000)
				+ "ms&limit=1";
	}

	private long lostNotices() {
		return RestAssured.given()
			.port(this.port)
			.get("/actuator/prometheus")
			.asString()
			.lines()
			.filter((line) -> line.startsWith("netstatd_socket_destroy_notices_lost_total "))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}

}
