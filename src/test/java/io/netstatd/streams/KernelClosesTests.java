package io.netstatd.streams;

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
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Timeout(60)
class KernelClosesTests {

	private static final int CONNECTIONS = 200;

	@LocalServerPort
	int port;

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
						"the service cannot join the sock_diag destroy groups here (CAP_NET_ADMIN, sock_diag)");
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
