package io.netstatd.live.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.netstatd.NetstatdApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that stops while a dashboard follows a stream ends the stream's response
 * properly (its last chunk sent), instead of holding the graceful shutdown until its
 * timeout and being cut. Its own context: it stops the service.
 */
class StreamsShutdownTests {

	@Test
	void stoppingTheServiceEndsOpenStreams() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NetstatdApplication.class)
			.run("--server.port=0", "--server.address=127.0.0.1");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(120_000);
			// a minute between events: only the shutdown can end this response early
			OutputStream out = socket.getOutputStream();
			out.write(("GET /stats/states/stream?interval=60s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Accept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String head = readUntil(in, "event:states");
			assertThat(head).startsWith("HTTP/1.1 200").contains("Transfer-Encoding: chunked");

			context.close();

			// Tomcat ends a completed chunked response with a zero-length chunk; a
			// response
			// cut by a forced stop has none
			String rest = readUntil(in, "\r\n0\r\n\r\n");
			assertThat(rest).endsWith("\r\n0\r\n\r\n");
		}
		finally {
			context.close();
		}
	}

	/** Bytes up to and including {@code end}, or up to the end of the stream. */
	private static String readUntil(InputStream in, String end) throws IOException {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0) {
			read.write(b);
			if (read.toString(StandardCharsets.US_ASCII).endsWith(end)) {
				break;
			}
		}
		return read.toString(StandardCharsets.US_ASCII);
	}

}
