package io.netstatd.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.netstatd.GoldenTreeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a red team sent from loopback, byte for byte over a plain socket: every answer is
 * an RFC 9457 problem with the right status, never a 500, never an empty body, never a
 * stack trace or a forged line in the log.
 */
@GoldenTreeTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "%00", "%0a", "%0d", "%7f", "%C2%80", "%EF%BF%BF", "%1b%5b31m" })
	void answersControlAndOddBytesInAParameterNameWith400(String name, CapturedOutput log) throws IOException {
		String answer = get("/stats/states?" + name + "=1");

		assertProblem(answer, 400);
		assertThat(body(answer)).contains("Unknown parameter");
		assertQuiet(log);
	}

	/**
	 * A header value no client sends: passed over where nothing reads it, refused as a
	 * 400 problem where something does (Tomcat for control characters, the firewall for
	 * what it checks); never a 500.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			X-Other         | a\u0080b
			X-Other         | a\u0001b
			Accept          | a\u0080b
			Accept          | a\u0007b
			Accept-Encoding | a\u0080b
			Authorization   | a\u0080b
			Origin          | a\u0080b
			User-Agent      | a\u0080b
			""")
	void answersAHeaderValueNoClientSendsWithoutA500(String header, String value, CapturedOutput log)
			throws IOException {
		String answer = send(
				"GET /stats/states HTTP/1.1\r\nHost: x\r\n" + header + ": " + value + "\r\nConnection: close\r\n\r\n");

		if (!answer.startsWith("HTTP/1.1 200 ")) {
			assertProblem(answer, 400);
		}
		assertQuiet(log);
	}

	@Test
	void refusesAnAcceptHeaderHoldingAControlCharacter() throws IOException {
		assertProblem(send("GET /stats/states HTTP/1.1\r\nHost: x\r\nAccept: a\u0080b\r\nConnection: close\r\n\r\n"),
				400);
	}

	@Test
	void takesAnEmptyAcceptAsNone(CapturedOutput log) throws IOException {
		String answer = send("GET /actuator/prometheus HTTP/1.1\r\nHost: x\r\nAccept:\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 200");
		assertThat(body(answer)).contains("netstatd_tcp_connections");
		assertQuiet(log);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/error                 | 404
			/WEB-INF/web.xml       | 404
			/META-INF/MANIFEST.MF  | 404
			//connections          | 400
			/connections;x=y       | 400
			/%2e%2e/etc/passwd     | 400
			/connections%2fx       | 400
			""")
	void answersOddPathsWithProblems(String path, int status, CapturedOutput log) throws IOException {
		assertProblem(get(path), status);
		assertQuiet(log);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PROPFIND /connections", "MKCOL /x", "LOCK /connections", "get /connections",
			"TRACE /connections", "POST /", "POST /connections", "DELETE /stats/states", "OPTIONS /connections",
			"PUT /interfaces", "PATCH /routes", "BREW /" })
	void answersEveryMethodButGetAndHeadWith405(String requestLine, CapturedOutput log) throws IOException {
		String answer = send(requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 405);
		assertThat(answer).containsIgnoringCase("\r\nAllow: GET, HEAD\r\n");
		assertQuiet(log);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/json", ";;;", "text/plain;q=abc", "application/xml", "image/png" })
	void answersAnAcceptNothingMatchesWith406Problem(String accept, CapturedOutput log) throws IOException {
		String answer = send(
				"GET /stats/states HTTP/1.1\r\nHost: x\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 406);
		assertQuiet(log);
	}

	@Test
	void answersAManyTimesRepeatedAcceptWith406Problem(CapturedOutput log) throws IOException {
		String accept = "text/html, ".repeat(500) + "text/html";
		assertProblem(
				send("GET /stats/states HTTP/1.1\r\nHost: x\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n"),
				406);
		assertQuiet(log);
	}

	@Test
	void answersABadQueryBeforeABadAccept() throws IOException {
		assertProblem(send("GET /stats/states?port=abc HTTP/1.1\r\nHost: x\r\nAccept: image/png\r\n"
				+ "Connection: close\r\n\r\n"), 400);
	}

	@Test
	void repeatsOnlyAShortEscapedExcerptOfWhatItWasSent(CapturedOutput log) throws IOException {
		String answer = get("/stats/states?" + "x".repeat(7000) + "=1");

		assertProblem(answer, 400);
		assertThat(body(answer)).hasSizeLessThan(1000).doesNotContain("x".repeat(100));
		assertQuiet(log);
	}

	@Test
	void writesNoForgedLineInTheLog(CapturedOutput log) throws IOException {
		assertProblem(get("/stats/states?x%0a2026-12-01T06:00:00.000Z%20%20INFO%2012%20---%20forged=1"), 400);

		assertThat(log.getOut() + log.getErr()).doesNotContain("\n2026-12-01T06:00:00.000Z  INFO 12 --- forged");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/stats/states?a=[1]", "/stats/states?a={}" })
	void answersCharactersTomcatRefusesWithAProblem(String target) throws IOException {
		assertProblem(get(target), 400);
	}

	@Test
	void answersARequestLineTooLongWithAProblem(CapturedOutput log) throws IOException {
		String answer = get("/stats/states?a=" + "y".repeat(9000));

		assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertQuiet(log);
	}

	private void assertProblem(String answer, int status) {
		assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
		assertThat(answer).containsIgnoringCase("\r\nContent-Type: application/problem+json");
		assertThat(body(answer)).contains("\"status\":" + status).contains("\"title\":");
	}

	/** No stack trace and no ERROR for a client's mistake; at most one line about it. */
	private static void assertQuiet(CapturedOutput log) {
		String text = log.getOut() + log.getErr();
		assertThat(text).doesNotContain("\tat ").doesNotContain(" ERROR ");
	}

	private String get(String target) throws IOException {
		return send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
	}

	/** One request as raw bytes (ISO-8859-1: each char a byte), the whole answer back. */
	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private static String body(String answer) {
		int start = answer.indexOf("\r\n\r\n");
		return (start < 0) ? "" : answer.substring(start + 4);
	}

}
