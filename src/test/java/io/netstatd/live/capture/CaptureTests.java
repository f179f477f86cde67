package io.netstatd.live.capture;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Captures on loopback, for real: known numbers of UDP datagrams and TCP connection
 * attempts from distinct 127.0.0.x sources (and ::1) to a port of this test's, sent once
 * the capture's packet socket shows in {@code /proc/net/packet}; the answer's counts and
 * bytes are exact, traffic to other ports is not counted, and where tcpdump is installed
 * the seed's recipe run on the same traffic prints the same lines.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "netstatd.capture.enabled=true")
@Timeout(60)
class CaptureTests {

	/** {@code /proc/net/packet}'s Type of a cooked socket, and of tcpdump's raw one. */
	private static final String DGRAM = "2";

	private static final String RAW = "3";

	private static final ExecutorService requests = Executors.newCachedThreadPool();

	@LocalServerPort
	int port;

	/** What the first capture answered when it was not a 200, once for the suite. */
	private static String cannotCapture;

	@BeforeEach
	void canCapture() {
		if (cannotCapture == null) {
			Response probe = RestAssured.given().port(this.port).get("/capture/top-sources?port=9&seconds=1&iface=lo");
			assertThat(probe.statusCode()).as(probe.asString()).isIn(200, 503);
			cannotCapture = (probe.statusCode() == 200) ? "" : probe.asString();
		}
		assumeTrue(cannotCapture.isEmpty(), "this test cannot open a packet socket (CAP_NET_RAW): " + cannotCapture);
	}

	@Test
	void saysSoWithoutCapNetRaw() {
		assumeTrue(Tools.installed("setpriv"), "setpriv (util-linux) is not installed");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// JDK 22+ prints a warning when JNA loads without native access granted
		String printed = Tools.run("setpriv --inh-caps=-net_raw --bounding-set=-net_raw " + java
				+ " --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path") + "' "
				+ CaptureProbe.class.getName());
		assertThat(printed.strip()).isEqualTo(new CaptureNotPermittedException().getMessage());
	}

	@AfterAll
	static void stopRequests() {
		requests.shutdownNow();
	}

	@Test
	void countsUdpDatagramsToAPortBySourceExactly() throws Exception {
		try (DatagramSocket receiver = udpReceiver()) {
			int p = receiver.getLocalPort();
			CompletableFuture<Response> capture = capture("port=" + p + "&packets=31&seconds=20&iface=lo", DGRAM);
			send("127.0.0.2", p, 5, 10);
			send("127.0.0.3", p, 9, 10);
			send("127.0.0.4", p, 13, 10);
			send("::1", p, 4, 1);
			send("127.0.0.9", p + 1, 6, 10); // another port: not counted
			JsonPath answer = capture.get(20, TimeUnit.SECONDS).then().statusCode(200).extract().jsonPath();
			assertThat(answer.getString("iface")).isEqualTo("lo");
			assertThat(answer.getInt("port")).isEqualTo(p);
			assertThat(answer.getString("filter")).isEqualTo("tcp dst port " + p + " or udp dst port " + p);
			assertThat(answer.getLong("packets")).isEqualTo(31);
			assertThat(answer.getLong("total")).isEqualTo(31);
			assertThat(answer.getLong("dropped")).isZero();
			assertThat(answer.getLong("addresses")).isEqualTo(4);
			// by count, largest first; bytes: IPv4 20 + UDP 8 + 10, IPv6 40 + UDP 8 + 1
			assertThat(answer.getList("ips.ip")).containsExactly("127.0.0.4", "127.0.0.3", "127.0.0.2", "::1");
			assertThat(answer.getList("ips.count", Long.class)).containsExactly(13L, 9L, 5L, 4L);
			assertThat(answer.getList("ips.bytes", Long.class)).containsExactly(13L * 38, 9L * 38, 5L * 38, 4L * 49);
		}
	}

	@Test
	void countsOnlyConnectionAttemptsWithSyn() throws Exception {
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
			int p = listener.getLocalPort();
			CompletableFuture<Response> capture = capture("port=" + p + "&syn=true&packets=6&seconds=20&iface=lo",
					DGRAM);
			connect("127.0.0.5", p, 3);
			connect("127.0.0.6", p, 2);
			connect("::1", p, 1);
			JsonPath answer = capture.get(20, TimeUnit.SECONDS).then().statusCode(200).extract().jsonPath();
			// each connection's later segments to the port carry ACK: only the SYNs count
			assertThat(answer.getList("ips.ip")).containsExactly("127.0.0.5", "127.0.0.6", "::1");
			assertThat(answer.getList("ips.count", Long.class)).containsExactly(3L, 2L, 1L);
			assertThat(answer.getLong("packets")).isEqualTo(6);
		}
	}

	@Test
	void countsTheDestinationsOfPacketsFromAPort() throws Exception {
		try (DatagramSocket from = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
				DatagramSocket to7 = udpReceiver("127.0.0.7");
				DatagramSocket to8 = udpReceiver("127.0.0.8")) {
			int p = from.getLocalPort();
			CompletableFuture<Response> capture = capture(
					"port=" + p + "&direction=src&protocol=udp&packets=5&seconds=20&iface=lo&format=table", DGRAM);
			for (int i = 0; i < 3; i++) {
				from.send(new DatagramPacket(new byte[4], 4, to7.getLocalSocketAddress()));
			}
			for (int i = 0; i < 2; i++) {
				from.send(new DatagramPacket(new byte[4], 4, to8.getLocalSocketAddress()));
			}
			assertThat(capture.get(20, TimeUnit.SECONDS).then().statusCode(200).extract().asString())
				.isEqualTo("      3 IP 127.0.0.7\n      2 IP 127.0.0.8\n");
		}
	}

	@Test
	void printsWhatTheSeedsRecipePrintsForTheSameTraffic() throws Exception {
		assumeTrue(Tools.installed("tcpdump"), "tcpdump is not installed");
		try (DatagramSocket receiver = udpReceiver()) {
			int p = receiver.getLocalPort();
			int before = packetSockets(RAW);
			CompletableFuture<String> recipe = CompletableFuture.supplyAsync(() -> Tools.run("timeout 20 tcpdump -i lo "
					+ "-tnn dst port " + p + " -c 27 2>/dev/null | awk -F\".\" '{print $1\".\"$2\".\"$3\".\"$4}' "
					+ "| sort | uniq -c | sort -nr | head -20"), requests);
			awaitPacketSockets(RAW, before + 1);
			CompletableFuture<Response> capture = capture("port=" + p + "&packets=27&seconds=20&iface=lo&format=table",
					DGRAM);
			send("127.0.0.12", p, 2, 3);
			send("127.0.0.11", p, 11, 3);
			send("127.0.0.10", p, 14, 3);
			String ours = capture.get(20, TimeUnit.SECONDS).then().statusCode(200).extract().asString();
			assertThat(ours).isEqualTo("     14 IP 127.0.0.10\n     11 IP 127.0.0.11\n      2 IP 127.0.0.12\n");
			assertThat(recipe.get(20, TimeUnit.SECONDS)).isEqualTo(ours);
		}
	}

	@Test
	void runsOneCaptureAtATime() throws Exception {
		CompletableFuture<Response> first = capture("port=9&seconds=3&iface=lo", DGRAM);
		Response second = RestAssured.given().port(this.port).get("/capture/top-sources?port=9&seconds=1");
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 3);
		JsonPath answer = first.get(10, TimeUnit.SECONDS).then().statusCode(200).extract().jsonPath();
		assertThat(answer.getLong("packets")).isZero();
		assertThat(answer.getList("ips")).isEmpty();
		assertThat(packetSockets(DGRAM)).as("the capture's socket is closed").isZero();
	}

	@Test
	void endsWhenItsClientGoes() throws Exception {
		int before = packetSockets(DGRAM);
		try (Socket client = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			client.getOutputStream()
				.write("GET /capture/top-sources?port=9&seconds=30&iface=lo HTTP/1.1\r\nHost: localhost\r\n\r\n"
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			awaitPacketSockets(DGRAM, before + 1);
		}
		// the client's FIN: within a look or two (500 ms apart) the capture stops, its
		// socket closed and its place free, 28 s before its own bound
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (packetSockets(DGRAM) > before) {
			assertThat(System.nanoTime() - until).as("the capture's socket closed within 5 s").isNegative();
			Thread.sleep(20);
		}
		// and its place is given back as the socket closes
		int status = 503;
		while (status == 503) {
			assertThat(System.nanoTime() - until).as("another capture taken within 5 s").isNegative();
			status = RestAssured.given()
				.port(this.port)
				.get("/capture/top-sources?port=9&seconds=1&iface=lo")
				.statusCode();
		}
		assertThat(status).isEqualTo(200);
	}

	/**
	 * A client that half-closes after its request ({@code nc -N}) still reads the answer:
	 * the capture stops at its FIN (the service cannot tell it from a client gone), and
	 * the answer says it was cut, when and why, in the body and the header.
	 */
	@Test
	void saysSoWhenTheClientsFinCutsItShort() throws Exception {
		String answer = halfClosed("/capture/top-sources?port=9&seconds=20&iface=lo");
		assertThat(answer).startsWith("HTTP/1.1 200");
		JsonPath body = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
		assertThat(body.getBoolean("complete")).isFalse();
		assertThat(body.getString("stopped")).isEqualTo("client");
		assertThat(body.getDouble("seconds")).isLessThan(20.0);
		// the recipe's text has no room for it: the header says it
		assertThat(halfClosed("/capture/top-sources?port=9&seconds=20&iface=lo&format=table"))
			.startsWith("HTTP/1.1 200")
			.contains("\r\nNetstatd-Complete: false\r\n");
	}

	private String halfClosed(String target) throws IOException {
		try (Socket client = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			client.getOutputStream()
				.write(("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			client.shutdownOutput();
			client.setSoTimeout(15_000);
			return new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** Starts a capture and waits until its socket is open on lo. */
	private CompletableFuture<Response> capture(String query, String type) {
		int before = packetSockets(type);
		CompletableFuture<Response> capture = CompletableFuture
			.supplyAsync(() -> RestAssured.given().port(this.port).get("/capture/top-sources?" + query), requests);
		awaitPacketSockets(type, before + 1);
		return capture;
	}

	private static void awaitPacketSockets(String type, int count) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (packetSockets(type) < count) {
			assertThat(System.nanoTime() - until).as("a packet socket on lo within 10 s").isNegative();
			Thread.onSpinWait();
		}
	}

	/** Packet sockets of a type bound to lo, as {@code /proc/net/packet} lists them. */
	private static int packetSockets(String type) {
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/net/packet"));
			int lo = java.net.NetworkInterface.getByName("lo").getIndex();
			return (int) lines.stream()
				.skip(1)
				.map((line) -> line.trim().split("\\s+"))
				.filter((fields) -> fields[2].equals(type) && fields[3].equals("0003")
						&& fields[4].equals(Integer.toString(lo)))
				.count();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static DatagramSocket udpReceiver() throws IOException {
		return new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::"), 0));
	}

	private static DatagramSocket udpReceiver(String address) throws IOException {
		return new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
	}

	private static void send(String from, int port, int count, int size) throws IOException {
		InetAddress source = InetAddress.getByName(from);
		InetAddress to = (source.getAddress().length == 16) ? source : InetAddress.getByName("127.0.0.1");
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
			for (int i = 0; i < count; i++) {
				socket.send(new DatagramPacket(new byte[size], size, to, port));
			}
		}
	}

	private static void connect(String from, int port, int count) throws IOException {
		InetAddress source = InetAddress.getByName(from);
		InetAddress to = (source.getAddress().length == 16) ? source : InetAddress.getByName("127.0.0.1");
		for (int i = 0; i < count; i++) {
			try (Socket socket = new Socket(to, port, source, 0)) {
				socket.setSoLinger(true, 0);
			}
		}
	}

}
