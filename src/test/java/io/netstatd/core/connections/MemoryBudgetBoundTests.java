package io.netstatd.core.connections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The lists' rows held at once are bounded: a client that asks for a list and does not
 * read it holds the list's rows until it is cut, and lists beyond the bound are 503s, not
 * a heap filled until the JVM ends (four {@code info=true} lists at 60,000 sockets did
 * that). Here 20,000 rows of 160 bytes each are 3.2 MB (this tree has no sockstat, so
 * each list reserves once read), and the bound is 4 MB: one list fits, two (6.1 MiB, said
 * as 7 MB, rounded up) do not. Only gathered lists (here sorted) hold their rows; a list
 * streamed from the dump holds none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.sockets.source=procfs", "netstatd.limits.memory=4MB",
				"server.tomcat.connection-timeout=2s" })
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryBudgetBoundTests {

	static Path root;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void largeTable(DynamicPropertyRegistry registry) throws IOException {
		root = LargeTcpTable.create("netstatd-list-memory", 20_000);
		registry.add("netstatd.procfs.root", root::toString);
	}

	@AfterAll
	static void removeTree() throws IOException {
		LargeTcpTable.remove(root);
	}

	@Test
	void aStalledListHoldsItsRowsAndTheNextListWaitsForThem() throws Exception {
		RestAssured.given().port(this.port).get("/connections?limit=1").then().statusCode(200);
		try (Socket stalled = new Socket()) {
			stalled.setReceiveBufferSize(2048);
			stalled.connect(new InetSocketAddress("127.0.0.1", this.port));
			OutputStream out = stalled.getOutputStream();
			out.write(
					"GET /connections?sort=localPort HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// its first bytes come once the list is gathered; its writing then stalls
			SlowReaderTests.awaitFirstBytes(stalled);

			RestAssured.given()
				.port(this.port)
				.get("/connections?sort=localPort&limit=1")
				.then()
				.statusCode(503)
				.contentType("application/problem+json")
				.header("Retry-After", "1")
				.body("detail", equalTo("What the service holds would reach 7 MB with this socket list, beyond "
						+ "its memory budget of 4 MB (netstatd.limits.memory); try again in a second, or ask for fewer rows "
						+ "(port, state, localAddress, remoteAddress) or without info and memory."));
			// counts and streamed lists hold no rows: never refused for it
			RestAssured.given().port(this.port).get("/connections?limit=1").then().statusCode(200);
			RestAssured.given().port(this.port).get("/stats/states").then().statusCode(200);

			// the stalled writer is cut (2 s without progress), and its rows go with it
			stalled.setSoTimeout(30_000);
			InputStream in = stalled.getInputStream();
			byte[] buffer = new byte[8192];
			// stay stalled past the 2 s the service allows without progress
			Thread.sleep(3000);
			try {
				while (in.read(buffer) >= 0) {
					// drain what was sent before the cut
				}
			}
			catch (java.net.SocketException reset) {
				// cut under our feet
			}
		}
		int status = 0;
		for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
			status = RestAssured.given().port(this.port).get("/connections?sort=localPort&limit=1").statusCode();
			if (status != 200) {
				Thread.sleep(100);
			}
		}
		assertThat(status).as("a list once the stalled one is gone").isEqualTo(200);
	}

}
