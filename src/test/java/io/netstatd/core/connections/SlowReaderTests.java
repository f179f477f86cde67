package io.netstatd.core.connections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.restassured.RestAssured;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that asks for a large gathered list and never reads it (a 2 KB receive buffer)
 * holds its own connection, not the bound on expensive requests: the place goes back once
 * the list is gathered, and the connection is cut when writing makes no progress. A
 * streamed list reads as it writes: it holds its place until then, and no rows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.sockets.source=procfs", "netstatd.limits.expensive-requests=1",
				"server.tomcat.connection-timeout=2s" })
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowReaderTests {

	static Path root;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void largeTable(DynamicPropertyRegistry registry) throws IOException {
		root = LargeTcpTable.create("netstatd-large-table", 60_000);
		registry.add("netstatd.procfs.root", root::toString);
	}

	@AfterAll
	static void removeTree() throws IOException {
		LargeTcpTable.remove(root);
	}

	@Test
	void givesThePlaceBackOnceGatheredAndCutsTheStalledWriter() throws Exception {
		// sorted: gathered whole before the first byte is written
		try (Socket stalled = stall("/connections?sort=localPort")) {
			// its first bytes come once the list is gathered; its writing then stalls
			long first = awaitFirstBytes(stalled);

			RestAssured.given().port(this.port).get("/connections?limit=1").then().statusCode(200);

			assertThat(first + receivedUntilCut(stalled)).as("bytes the stalled client got before the cut")
				.isLessThan(5_000_000);
		}
	}

	@Test
	void aStreamedListHoldsItsPlaceUntilItsStalledWriteIsCut() throws Exception {
		// unsorted: written as it is read, so its reading lasts as long as its writing
		try (Socket stalled = stall("/connections")) {
			// its first bytes come as the dump is read; its writing then stalls
			long first = awaitFirstBytes(stalled);

			RestAssured.given()
				.port(this.port)
				.get("/connections?limit=1")
				.then()
				.statusCode(503)
				.header("Retry-After", "1");
			// listeners alone are not an expensive walk
			RestAssured.given().port(this.port).get("/listening?processes=false").then().statusCode(200);

			assertThat(first + receivedUntilCut(stalled)).as("bytes the stalled client got before the cut")
				.isLessThan(5_000_000);
		}
		// cut after 2 s without progress: the place is back
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> RestAssured.given().port(this.port).get("/connections?limit=1").statusCode() == 200);
	}

	/**
	 * Waits for the answer's first bytes (its status line): the service has begun
	 * writing.
	 * @return how many bytes were read
	 */
	static long awaitFirstBytes(Socket stalled) throws IOException {
		stalled.setSoTimeout(30_000);
		int n = stalled.getInputStream().read(new byte[16]);
		assertThat(n).as("the answer's first bytes").isPositive();
		return n;
	}

	/**
	 * A client that asks for {@code path} with a 2 KB receive buffer and reads nothing.
	 */
	private Socket stall(String path) throws IOException {
		Socket stalled = new Socket();
		stalled.setReceiveBufferSize(2048);
		stalled.connect(new InetSocketAddress("127.0.0.1", this.port));
		OutputStream out = stalled.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return stalled;
	}

	/** What the stalled client is sent until the server cuts its write. */
	private static long receivedUntilCut(Socket stalled) throws Exception {
		stalled.setSoTimeout(30_000);
		InputStream in = stalled.getInputStream();
		long received = 0;
		byte[] buffer = new byte[8192];
		int n;
		// stay stalled past the 2 s the service allows without progress
		Thread.sleep(4000);
		try {
			while ((n = in.read(buffer)) >= 0) {
				received += n;
			}
		}
		catch (java.net.SocketException reset) {
			// the server closed it under our feet: cut, as expected
		}
		return received;
	}

}
