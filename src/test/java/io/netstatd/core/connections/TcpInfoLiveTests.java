package io.netstatd.core.connections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
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
 * {@code info=true} and {@code memory=true} against {@code ss -tinmH} over connections
 * this test holds on loopback: three clients from 127.0.0.6 to a listener on 127.0.0.1,
 * each having moved an exact number of bytes both ways and each side having read all of
 * it, then held still while the service and ss look. The counters that cannot move while
 * the connections are still (bytes, segments, window, segment size, memory) must be
 * equal; round-trip times exist on both; the congestion algorithm is the kernel's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TcpInfoLiveTests {

	private static final int[] SENT = { 1000, 70_000, 5 };

	private static final int[] ANSWERED = { 300, 7, 123_456 };

	private static ServerSocket listener;

	private static final List<Socket> held = new ArrayList<>();

	private static int port;

	@LocalServerPort
	int servicePort;

	@BeforeAll
	static void holdConnections() throws IOException {
		listener = new ServerSocket();
		listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
		port = listener.getLocalPort();
		for (int i = 0; i < SENT.length; i++) {
			Socket client = new Socket();
			client.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.6"), 0));
			client.connect(listener.getLocalSocketAddress(), 5000);
			Socket server = listener.accept();
			move(client, server, SENT[i]);
			move(server, client, ANSWERED[i]);
			held.add(client);
			held.add(server);
		}
	}

	private static void move(Socket from, Socket to, int bytes) throws IOException {
		OutputStream out = from.getOutputStream();
		out.write(new byte[bytes]);
		out.flush();
		InputStream in = to.getInputStream();
		int read = 0;
		byte[] buffer = new byte[65536];
		while (read < bytes) {
			read += in.read(buffer, 0, Math.min(buffer.length, bytes - read));
		}
	}

	@AfterAll
	static void close() throws IOException {
		for (Socket socket : held) {
			socket.close();
		}
		listener.close();
	}

	@BeforeEach
	void needsSockDiagAndSs() {
		RestAssured.port = this.servicePort;
		assumeTrue(Tools.installed("ss"), "ss is not installed (apt-get install iproute2)");
		String cookie = RestAssured.get("/connections?port=" + port).jsonPath().getString("connections[0].cookie");
		assumeTrue(cookie != null, "the service reads procfs here (no sock_diag): no tcp_info to compare");
	}

	@Test
	void showsWhatSsShowsForEveryHeldConnection() throws InterruptedException {
		// the last ACKs of the transfers settle within a few ms on loopback
		TimeUnit.MILLISECONDS.sleep(200);
		Map<String, String> ss = ssLines("ss -tinmH '( sport = :" + port + " or dport = :" + port + " )'");
		// established only: an earlier test's TIME_WAIT rows may share the port
		JsonPath body = RestAssured.get("/connections?info=true&memory=true&state=established&port=" + port).jsonPath();
		List<Map<String, Object>> rows = body.getList("connections");

		assertThat(rows).hasSize(2 * SENT.length);
		int compared = 0;
		for (Map<String, Object> row : rows) {
			String key = row.get("localAddress") + ":" + row.get("localPort") + " " + row.get("remoteAddress") + ":"
					+ row.get("remotePort");
			String line = ss.get(key);
			assertThat(line).as("ss's line for %s in %s", key, ss.keySet()).isNotNull();
			@SuppressWarnings("unchecked")
			Map<String, Object> info = (Map<String, Object>) row.get("tcpInfo");
			assertThat(number(info.get("bytesAcked"))).isEqualTo(field(line, "bytes_acked"));
			assertThat(number(info.get("bytesReceived"))).isEqualTo(field(line, "bytes_received"));
			assertThat(number(info.get("segsOut"))).isEqualTo(field(line, "segs_out"));
			assertThat(number(info.get("segsIn"))).isEqualTo(field(line, "segs_in"));
			assertThat(number(info.get("cwnd"))).isEqualTo(field(line, "cwnd"));
			assertThat(number(info.get("mss"))).isEqualTo(field(line, "mss"));
			assertThat(line).contains(" " + info.get("congestion") + " ");
			assertThat(((Number) info.get("rtt")).doubleValue()).isPositive();
			assertThat(line).containsPattern(" rtt:[0-9.]+/");
			@SuppressWarnings("unchecked")
			Map<String, Object> memory = (Map<String, Object>) row.get("memory");
			assertThat(line).contains("skmem:(r" + memory.get("rmemAlloc") + ",rb" + memory.get("rcvBuf") + ",t"
					+ memory.get("wmemAlloc") + ",tb" + memory.get("sndBuf") + ",");
			compared++;
		}
		assertThat(compared).isEqualTo(2 * SENT.length);
	}

	@Test
	void countsTheBytesEachSideMoved() {
		JsonPath body = RestAssured
			.get("/connections?info=true&state=established&port=" + port + "&localAddress=127.0.0.6")
			.jsonPath();
		List<Long> sent = new ArrayList<>();
		for (Map<String, Object> row : body.<Map<String, Object>>getList("connections")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> info = (Map<String, Object>) row.get("tcpInfo");
			// bytes_received counts the payload exactly; bytes_acked the SYN too
			sent.add(number(info.get("bytesAcked")) - 1);
			assertThat(List.of(300L, 7L, 123_456L)).contains(number(info.get("bytesReceived")));
		}
		assertThat(sent).containsExactlyInAnyOrder(1000L, 70_000L, 5L);
	}

	@Test
	void sortsByATcpInfoFieldWithoutBeingAskedForInfo() {
		List<Long> acked = RestAssured
			.get("/connections?sort=-bytesAcked&state=established&port=" + port + "&localAddress=127.0.0.6")
			.jsonPath()
			.getList("connections.tcpInfo.bytesAcked", Long.class);

		assertThat(acked).containsExactly(70_001L, 1001L, 6L);
	}

	@Test
	void printsSsLineUnderEachRowOfTheTable() {
		String table = RestAssured
			.get("/connections?format=table&info=true&state=established&port=" + port + "&localAddress=127.0.0.6")
			.asString();

		assertThat(table.lines().filter((line) -> line.startsWith("\t ")).count()).isEqualTo(SENT.length);
		assertThat(table).contains(" bytes_acked:70001 ", " bytes_received:123456 ");
	}

	@Test
	void refusesInfoForAnotherNamespaceWhichIsReadFromProcfs() {
		RestAssured.get("/connections?info=true&netns=1")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("parameter", equalTo("info"));
	}

	@Test
	void namesTheCgroupASocketWasMadeIn() throws Exception {
		Path unified = cgroup2Root();
		assumeTrue(unified != null && Files.isWritable(unified), "no writable cgroup v2 tree here");
		assumeTrue(Tools.installed("python3"), "python3 is not installed");
		Path group = unified.resolve("netstatd-test-" + ProcessHandle.current().pid());
		Files.createDirectory(group);
		Process child = null;
		try {
			// the child joins the cgroup, then makes its socket: a socket keeps the
			// cgroup
			// of its making
			child = new ProcessBuilder("python3", "-c",
					"import os,socket,sys; open('" + group + "/cgroup.procs','w').write(str(os.getpid())); "
							+ "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(1); "
							+ "print(s.getsockname()[1], flush=True); sys.stdin.read()")
				.start();
			int childPort = Integer.parseInt(
					new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine()
						.strip());

			RestAssured.get("/listening?processes=false&port=" + childPort)
				.then()
				.statusCode(200)
				.body("connections[0].cgroup", equalTo("/" + group.getFileName()));
		}
		finally {
			if (child != null) {
				child.destroy();
				child.waitFor(10, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(group);
		}
	}

	private static Path cgroup2Root() {
		String mount = Tools.run("grep ' - cgroup2 ' /proc/self/mountinfo | awk '{ print $5; exit }'").strip();
		return mount.isEmpty() ? null : Path.of(mount);
	}

	/** ss's lines by {@code local peer}, the details line joined to its socket's line. */
	private static Map<String, String> ssLines(String command) {
		Map<String, String> lines = new HashMap<>();
		String key = null;
		for (String line : Tools.run(command).split("\n")) {
			if (line.startsWith("\t")) {
				lines.put(key, line + " ");
			}
			else if (!line.isBlank()) {
				String[] columns = line.trim().split("\\s+");
				// Java's sockets are dual-stack: ss writes [::ffff:127.0.0.1]:port, the
				// service 127.0.0.1
				key = (columns[3] + " " + columns[4]).replaceAll("\\[::ffff:([0-9.]+)\\]", "$1");
			}
		}
		return lines;
	}

	private static long field(String line, String name) {
		Matcher matcher = Pattern.compile(" " + name + ":(\\d+)").matcher(line);
		assertThat(matcher.find()).as("%s in %s", name, line).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

}
