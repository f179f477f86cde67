package io.netstatd.connections;

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

/**
 * A client that asks for a large list and never reads it (a 2 KB receive buffer) holds
 * its own connection, not the bound on expensive requests: the place goes back once the
 * list is gathered, and the connection is cut when writing makes no progress.
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
		try (Socket stalled = new Socket()) {
			stalled.setReceiveBufferSize(2048);
			stalled.connect(new InetSocketAddress("127.0.0.1", this.port));
			OutputStream out = stalled.getOutputStream();
			out.write("GET /connections HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// the list is gathered in well under a second; its writing then stalls
			Thread.sleep(1500);

			RestAssured.given().port(this.port).get("/connections?limit=1").then().statusCode(200);

			// the stalled write is cut: what was sent ends, far short of the list
			stalled.setSoTimeout(30_000);
			InputStream in = stalled.getInputStream();
			long received = 0;
			byte[] buffer = new byte[8192];
			int n;
			Thread.sleep(4000);
			try {
				while ((n = in.read(buffer)) >= 0) {
					received += n;
				}
			}
			catch (java.net.SocketException reset) {
				// the server closed it under our feet: cut, as expected
			}
			assertThat(received).as("bytes the stalled client got before the cut").isLessThan(5_000_000);
		}
	}

}
