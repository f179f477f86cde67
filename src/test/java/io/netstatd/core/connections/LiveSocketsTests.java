package io.netstatd.core.connections;

import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.ApiCalls;
import io.netstatd.TestSockets;
import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole service over real HTTP against the real {@code /proc}: the test opens its own
 * sockets on loopback and asserts the exact rows, counts and distribution it caused.
 * Every response is also checked against {@code openapi.yaml}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveSocketsTests {

	static final TestSockets sockets = new TestSockets();

	static ServerSocketChannel ipv4Server;

	static ServerSocketChannel ipv6Server;

	static ServerSocketChannel dualStackServer;

	static DatagramChannel udpServer;

	static DatagramChannel udpClient;

	static DatagramChannel udp6Server;

	static long uid;

	@LocalServerPort
	int port;

	@BeforeAll
	static void openSockets() {
		ipv4Server = sockets.listen("127.0.0.1");
		for (int i = 0; i < 3; i++) {
			sockets.connect("127.0.0.2", ipv4Server, "127.0.0.1");
		}
		sockets.connect("127.0.0.3", ipv4Server, "127.0.0.1");
		sockets.connect("127.0.0.6", ipv4Server, "127.0.0.1");
		ipv6Server = sockets.listen("::1");
		sockets.connect("::1", ipv6Server, "::1");
		dualStackServer = sockets.listenDualStack("127.0.0.1");
		sockets.connect("127.0.0.4", dualStackServer, "127.0.0.1");
		sockets.connect("127.0.0.4", dualStackServer, "127.0.0.1");
		sockets.connect("127.0.0.6", dualStackServer, "127.0.0.1");
		udpServer = sockets.udp("127.0.0.1", null);
		udpClient = sockets.udp("127.0.0.5", udpServer);
		udp6Server = sockets.udp("::1", null);
		uid = TestSockets.ownUid();
	}

	@AfterAll
	static void closeSockets() throws Exception {
		sockets.close();
	}

	@BeforeEach
	void point() {
		RestAssured.port = this.port;
	}

	@Test
	void listsTheIpv4ServerAndItsConnectionsExactly() {
		int p = TestSockets.port(ipv4Server);

		JsonPath body = get("/connections?port=" + p);

		assertThat(body.getInt("count")).isEqualTo(11);
		List<Map<String, Object>> rows = body.getList("connections");
		assertThat(rows)
			.extracting((r) -> r.get("protocol") + " " + r.get("localAddress") + " " + r.get("state") + " "
					+ r.get("remoteAddress") + ((p == (int) r.get("localPort")) ? " server" : " client"))
			.containsExactlyInAnyOrder("tcp 127.0.0.1 LISTEN 0.0.0.0 server",
					"tcp 127.0.0.1 ESTABLISHED 127.0.0.2 server", "tcp 127.0.0.1 ESTABLISHED 127.0.0.2 server",
					"tcp 127.0.0.1 ESTABLISHED 127.0.0.2 server", "tcp 127.0.0.1 ESTABLISHED 127.0.0.3 server",
					"tcp 127.0.0.1 ESTABLISHED 127.0.0.6 server", "tcp 127.0.0.2 ESTABLISHED 127.0.0.1 client",
					"tcp 127.0.0.2 ESTABLISHED 127.0.0.1 client", "tcp 127.0.0.2 ESTABLISHED 127.0.0.1 client",
					"tcp 127.0.0.3 ESTABLISHED 127.0.0.1 client", "tcp 127.0.0.6 ESTABLISHED 127.0.0.1 client");
		Set<Long> ours = TestSockets.ownSocketInodes();
		assertThat(rows).allSatisfy((row) -> {
			assertThat(((Number) row.get("uid")).longValue()).isEqualTo(uid);
			assertThat(ours).contains(((Number) row.get("inode")).longValue());
			assertThat(row.get("recvQ")).isEqualTo(0);
			assertThat(row.get("sendQ")).isEqualTo(0);
		});
	}

	@Test
	void namesThisJvmAsTheOwnerOfItsSockets() {
		int p = TestSockets.port(ipv4Server);

		JsonPath body = get("/connections?port=" + p + "&processes=true");

		List<Map<String, Object>> rows = body.getList("connections");
		assertThat(rows).hasSize(11)
			.allSatisfy((row) -> assertThat(row.get("processes"))
				.isEqualTo(List.of(Map.of("pid", (int) ProcessHandle.current().pid(), "name", "java"))));
		assertThat(body.getInt("processScan.processes")).isPositive();
		JsonPath plain = get("/connections?port=" + p);
		List<Map<String, Object>> plainRows = plain.getList("connections");
		assertThat(plainRows).allSatisfy((row) -> assertThat(row).doesNotContainKey("processes"));
		Map<String, Object> plainBody = plain.getMap("");
		assertThat(plainBody).doesNotContainKey("processScan");
	}

	@Test
	void showsTheKeepaliveTimerOfAKeepaliveSocket() throws Exception {
		ServerSocketChannel server = sockets.listen("127.0.0.1");
		SocketChannel client = sockets.connect("127.0.0.8", server, "127.0.0.1");
		client.setOption(java.net.StandardSocketOptions.SO_KEEPALIVE, true);
		client.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, 600);

		// both ports: the client's ephemeral one may be in a TIME_WAIT row of an earlier
		// run
		// too
		JsonPath body = get(
				"/connections?localPort=" + TestSockets.port(client) + "&remotePort=" + TestSockets.port(server));

		assertThat(body.getList("connections")).hasSize(1);
		assertThat(body.getString("connections[0].timer.kind")).isEqualTo("keepalive");
		assertThat(body.getDouble("connections[0].timer.expiresSeconds")).isBetween(590.0, 600.0);
		assertThat(body.getInt("connections[0].timer.probes")).isZero();
		// the server side has no keepalive
		assertThat(get("/connections?localPort=" + TestSockets.port(server) + "&remotePort=" + TestSockets.port(client))
			.getString("connections[0].timer.kind")).isEqualTo("off");
	}

	@Test
	void namesTheOwnerUid() {
		JsonPath body = get("/connections?port=" + TestSockets.port(ipv4Server));

		// the test JVM's uid, named from /etc/passwd as getent names it
		String expected = Tools.run("getent passwd " + uid + " | cut -d: -f1").strip();
		assertThat(body.getList("connections.user")).hasSize(11).containsOnly(expected);
	}

	@Test
	void listsUnixSocketsWithPathsWholeAsNetstatXDoes() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("netstatd live");
		java.nio.file.Path path = dir.resolve("a socket with spaces.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
			server.bind(java.net.UnixDomainSocketAddress.of(path));

			List<Map<String, Object>> unix = get("/listening?protocol=unix").getList("unix");

			List<Map<String, Object>> ours = unix.stream()
				.filter((u) -> path.toString().equals(u.get("path")))
				.toList();
			assertThat(ours).singleElement().satisfies((u) -> {
				assertThat(u).containsEntry("type", "stream")
					.containsEntry("state", "LISTENING")
					.containsEntry("listening", true);
				assertThat(TestSockets.ownSocketInodes()).contains(((Number) u.get("inode")).longValue());
				// netstat -xa shows the same inode, type and state, and the path cut at
				// its first
				// space (it reads the line with sscanf's %s): the service keeps it whole
				if (Tools.installed("netstat")) {
					String line = Tools.run("netstat -xa | grep -F ' " + u.get("inode") + " '");
					String cut = path.toString().substring(0, path.toString().indexOf(' '));
					assertThat(line).contains("STREAM", "LISTENING", "[ ACC ]", cut + "\n");
				}
			});
			assertThat(unix).allSatisfy((u) -> assertThat(u).containsEntry("listening", true));
		}
		finally {
			java.nio.file.Files.deleteIfExists(path);
			java.nio.file.Files.deleteIfExists(dir);
		}
	}

	@Test
	void namesTheOwnersOfUnixSocketsAsSsXpDoes() throws Exception {
		Path dir = Files.createTempDirectory("netstatd-owners");
		Path path = dir.resolve("owned.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
			server.bind(java.net.UnixDomainSocketAddress.of(path));
			int pid = (int) ProcessHandle.current().pid();

			List<Map<String, Object>> unix = get("/connections?protocol=unix&processes=true").getList("unix");
			String table = ApiCalls.given()
				.get("/connections?protocol=unix&processes=true&format=table")
				.then()
				.statusCode(200)
				.extract()
				.asString();

			Map<String, Object> row = unix.stream()
				.filter((u) -> path.toString().equals(u.get("path")))
				.findFirst()
				.orElseThrow();
			assertThat(row.get("processes")).isEqualTo(List.of(Map.of("pid", pid, "name", "java")));
			// netstat -xp's header and cell: PID/Program name before Path
			assertThat(table.lines().findFirst().orElseThrow())
				.matches("Proto +RefCnt +Flags +Type +State +I-Node +PID/Program name +Path");
			assertThat(table).containsPattern("(?m)^unix +\\d+ +\\[ ACC \\] +STREAM +LISTENING +" + row.get("inode")
					+ " +" + pid + "/java +" + java.util.regex.Pattern.quote(path.toString()) + "$");
			if (Tools.installed("ss")) {
				assertThat(Tools.run("ss -xlp src " + path)).contains("pid=" + pid + ",");
			}
			List<Map<String, Object>> selected = get("/connections?protocol=unix&processes=true&pid=" + pid)
				.getList("unix");
			assertThat(selected).anyMatch((u) -> path.toString().equals(u.get("path")))
				.allMatch((u) -> ownedBy(u, pid));
		}
		finally {
			Files.deleteIfExists(path);
			Files.deleteIfExists(dir);
		}
	}

	/**
	 * The pair a unix listing shows at every call, new each time, is the client's: curl
	 * makes a connected socketpair to wake its own event loop. The service makes none
	 * while it answers; its own rows are those {@code ss -xp} shows for it.
	 */
	@Test
	void listsTheClientsSocketsAsTheClientsAndNoneTheListingMakes() throws Exception {
		assumeTrue(Tools.installed("curl") && Tools.installed("ss"), "curl and ss are needed: not installed");
		int own = (int) ProcessHandle.current().pid();
		Set<String> before = ownUnixInodes(own);
		Process curl = new ProcessBuilder("curl", "-sf",
				"http://127.0.0.1:" + this.port + "/connections?protocol=unix&processes=true")
			.start();
		String body = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(curl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		Set<String> after = ownUnixInodes(own);
		List<Map<String, Object>> unix = JsonPath.from(body).getList("unix");

		List<Map<String, Object>> curls = unix.stream().filter((u) -> ownedBy(u, (int) curl.pid())).toList();
		List<String> services = unix.stream()
			.filter((u) -> ownedBy(u, own))
			.map((u) -> String.valueOf(u.get("inode")))
			.toList();
		assertThat(curls).hasSize(2)
			.allSatisfy((u) -> assertThat(u).containsEntry("type", "stream").containsEntry("state", "CONNECTED"));
		Set<String> either = new java.util.HashSet<>(before);
		either.addAll(after);
		assertThat(either).containsAll(services);
		assertThat(services).containsAll(before.stream().filter(after::contains).toList());
	}

	private static boolean ownedBy(Map<String, Object> row, int pid) {
		Object processes = row.get("processes");
		return processes instanceof List<?> owners
				&& owners.stream().anyMatch((o) -> ((Map<?, ?>) o).get("pid").equals(pid));
	}

	/** The inodes of the unix sockets {@code ss -xap} names {@code pid} an owner of. */
	private static Set<String> ownUnixInodes(int pid) {
		Set<String> inodes = new java.util.HashSet<>();
		for (String line : Tools.run("ss -xapH").split("\n")) {
			String[] cells = line.trim().split("\\s+");
			if (line.contains("pid=" + pid + ",") && cells.length > 5) {
				inodes.add(cells[5]);
			}
		}
		return inodes;
	}

	@Test
	void showsUnreadBytesAsRecvQ() throws Exception {
		ServerSocketChannel server = sockets.listen("127.0.0.1");
		SocketChannel client = sockets.connect("127.0.0.7", server, "127.0.0.1");
		client.write(java.nio.ByteBuffer.wrap("hello".getBytes()));
		int clientPort = TestSockets.port(client);

		JsonPath body = awaitRecvQ("/connections?localPort=" + TestSockets.port(server) + "&remotePort=" + clientPort);

		assertThat(body.getList("connections.recvQ")).containsExactly(5);
		assertThat(body.getList("connections.remoteAddress")).containsExactly("127.0.0.7");
	}

	@Test
	void listsIpv6SocketsInCanonicalForm() {
		int p = TestSockets.port(ipv6Server);

		JsonPath body = get("/connections?protocol=tcp6&port=" + p + "&state=established");

		assertThat(body.getList("connections.localAddress")).containsExactly("::1", "::1");
		assertThat(body.getList("connections.protocol")).containsOnly("tcp6");
		assertThat(get("/listening?protocol=tcp6&port=" + p).getList("connections.localAddress"))
			.containsExactly("::1");
	}

	@Test
	void writesIpv4MappedPeersOfADualStackServerAsIpv4InTcp6() {
		// the listener's own peer stays "::": all zeros is no mapped address
		int p = TestSockets.port(dualStackServer);

		JsonPath body = get("/connections?localPort=" + p);

		assertThat(body.getList("connections.protocol")).containsOnly("tcp6").hasSize(4);
		assertThat(body.getList("connections.localAddress")).containsOnly("127.0.0.1");
		assertThat(body.getList("connections.remoteAddress")).containsExactlyInAnyOrder("::", "127.0.0.4", "127.0.0.4",
				"127.0.0.6");
	}

	@Test
	void listsListenersAndUnconnectedUdpOnly() {
		int tcpPort = TestSockets.port(ipv4Server);
		int udpPort = TestSockets.port(udpServer);
		int udpClientPort = TestSockets.port(udpClient);

		assertThat(get("/listening?port=" + tcpPort).getList("connections.state")).containsExactly("LISTEN");
		JsonPath udp = get("/listening?protocol=udp&port=" + udpPort);
		assertThat(udp.getList("connections")).hasSize(1);
		assertThat(udp.getString("connections[0].state")).isEqualTo("UNCONN");
		assertThat(udp.getString("connections[0].remoteAddress")).isEqualTo("0.0.0.0");
		assertThat(get("/listening?protocol=udp&port=" + udpClientPort).getInt("count")).isZero();
		assertThat(get("/listening?protocol=udp6&port=" + TestSockets.port(udp6Server))
			.getList("connections.localAddress")).containsExactly("::1");
	}

	@Test
	void showsConnectedUdpAsEstablished() {
		JsonPath body = get("/connections?protocol=udp&localPort=" + TestSockets.port(udpClient));

		assertThat(body.getList("connections")).hasSize(1);
		assertThat(body.getString("connections[0].state")).isEqualTo("ESTABLISHED");
		assertThat(body.getString("connections[0].localAddress")).isEqualTo("127.0.0.5");
		assertThat(body.getInt("connections[0].remotePort")).isEqualTo(TestSockets.port(udpServer));
	}

	@Test
	void countsStatesForOnePortWithEveryStateListed() {
		JsonPath body = get("/stats/states?port=" + TestSockets.port(ipv4Server));

		assertThat(body.getInt("total")).isEqualTo(11);
		assertThat(body.getList("states.state")).hasSize(11).startsWith("ESTABLISHED", "LISTEN");
		assertThat(body.getList("states.count")).containsExactly(10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void countsRemoteAddressesOfOneLocalPort() {
		JsonPath body = get("/stats/top-ips?port=" + TestSockets.port(ipv4Server));

		assertThat(body.getInt("port")).isEqualTo(TestSockets.port(ipv4Server));
		assertThat(body.getInt("total")).isEqualTo(5);
		assertThat(body.getList("ips.ip")).containsExactly("127.0.0.2", "127.0.0.6", "127.0.0.3");
		assertThat(body.getList("ips.count")).containsExactly(3, 1, 1);
		assertThat(get("/stats/top-ips?limit=1&port=" + TestSockets.port(ipv4Server)).getList("ips.ip"))
			.containsExactly("127.0.0.2");
	}

	@Test
	void countsIpv4MappedPeersWithPlainIpv4() {
		JsonPath dual = get("/stats/top-ips?port=" + TestSockets.port(dualStackServer));
		assertThat(dual.getList("ips.ip")).containsExactly("127.0.0.4", "127.0.0.6");
		assertThat(dual.getList("ips.count")).containsExactly(2, 1);

		// 127.0.0.6 reached the IPv4 server (a tcp row) and the dual-stack one (a tcp6
		// row)
		JsonPath all = get("/stats/top-ips?limit=1000");
		List<Map<String, Object>> ips = all.getList("ips");
		assertThat(ips).filteredOn((ip) -> "127.0.0.6".equals(ip.get("ip")))
			.singleElement()
			.satisfies((ip) -> assertThat(ip.get("count")).isEqualTo(2));
	}

	@Test
	void isReadyWhenProcfsReadsAndTellsItsVersion() {
		RestAssured.given()
			.get("/actuator/health/readiness")
			.then()
			.statusCode(200)
			.body("status", equalTo("UP"))
			.body("components.procfs.status", equalTo("UP"))
			.body("components.procfs.details.file", equalTo("/proc/net/tcp"));
		RestAssured.given()
			.get("/actuator/info")
			.then()
			.statusCode(200)
			.body("build.artifact", equalTo("netstatd"))
			.body("build.version", equalTo("0.1.0-SNAPSHOT"));
		assumeTrue(Files.isDirectory(Path.of(".git")), "not built from a git checkout: no commit to show");
		String head = Tools.run("git rev-parse --short=7 HEAD").strip();
		RestAssured.given().get("/actuator/info").then().body("git.commit.id", equalTo(head));
	}

	@Test
	void answersBadInputWithProblemsOverRealHttp() throws Exception {
		ApiCalls.given()
			.get("/stats/top-ips?port=70000")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("detail",
					equalTo("Invalid value '70000' for parameter 'port': expected ports from 0 to 65535 and ranges "
							+ "of them such as 1024-65535, comma-separated."));
		// no HTTP client sends such a URI, so this one is written by hand
		String raw = rawGet("/connections?port=%zz");
		assertThat(raw).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/problem+json")
			.contains("\"detail\":\"The query string is not valid percent-encoded UTF-8.\"");
		// an unknown path is in no contract: no validation filter
		RestAssured.given()
			.get("/conections")
			.then()
			.statusCode(404)
			.contentType("application/problem+json")
			.body("detail", equalTo("No endpoint GET /conections; the endpoints are listed at /swagger-ui.html."));
	}

	private String rawGet(String target) throws java.io.IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private JsonPath get(String path) {
		return ApiCalls.given().get(path).then().statusCode(200).contentType("application/json").extract().jsonPath();
	}

	private JsonPath awaitRecvQ(String path) {
		// the bytes cross loopback in microseconds, but not synchronously with write()
		return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> get(path), (body) -> {
			List<Object> queues = body.getList("connections.recvQ");
			return !queues.isEmpty() && !queues.contains(0);
		});
	}

}
