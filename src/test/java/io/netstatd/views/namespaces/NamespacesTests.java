package io.netstatd.views.namespaces;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netstatd.ApiCalls;
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
 * A network namespace the test makes ({@code unshare --net}, as root), with a python3
 * listener on its own loopback: visible through {@code netns=<pid>} and
 * {@code netns=all}, listed by /namespaces, absent from the default view. Skipped, saying
 * why, where namespaces cannot be made or python3 is missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NamespacesTests {

	private static final String LISTENER = "import os, socket, sys, time\n"
			+ "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(5)\n"
			+ "print(os.getpid(), s.getsockname()[1], flush=True)\n" + "time.sleep(120)\n";

	static Process child;

	static int pid;

	static int port;

	static long inode;

	@LocalServerPort
	int servicePort;

	/** Why no namespace could be made here, or null. */
	static String noNamespace;

	@BeforeAll
	static void makeANamespace() throws Exception {
		if (!Tools.installed("unshare") || !Tools.installed("python3")) {
			noNamespace = "unshare (util-linux) or python3 is missing";
			return;
		}
		child = new ProcessBuilder("unshare", "--net", "--fork", "sh", "-c",
				"ip link set lo up 2>/dev/null; exec python3 -c \"$0\"", LISTENER)
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (line == null || !line.matches("\\d+ \\d+")) {
			noNamespace = "could not make a network namespace here (not root, or not permitted): " + line;
			return;
		}
		pid = Integer.parseInt(line.split(" ")[0]);
		port = Integer.parseInt(line.split(" ")[1]);
		String link = Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).toString();
		inode = Long.parseLong(link.substring(5, link.length() - 1));
		assertThat(inode).isNotEqualTo(ownInode());
	}

	@BeforeEach
	void needsTheNamespace() {
		// each test is skipped, saying why, rather than the class vanishing from the
		// count
		assumeTrue(noNamespace == null, noNamespace);
	}

	@AfterAll
	static void removeIt() throws InterruptedException {
		if (child != null) {
			child.descendants().forEach(ProcessHandle::destroy);
			child.destroy();
			child.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@BeforeEach
	void point() {
		RestAssured.port = this.servicePort;
	}

	@Test
	void showsTheNamespaceOfAProcess() {
		JsonPath listening = ApiCalls.getJson("/listening?netns=" + pid + "&port=" + port);
		assertThat(listening.getInt("count")).isEqualTo(1);
		assertThat(listening.getString("connections[0].localAddress")).isEqualTo("127.0.0.1");
		assertThat(listening.getInt("connections[0].localPort")).isEqualTo(port);
		assertThat(listening.getString("connections[0].state")).isEqualTo("LISTEN");
		// socket inodes are global: the owner is found across namespaces
		assertThat(listening.getList("connections[0].processes.pid", Integer.class)).containsExactly(pid);
		assertThat(listening.getMap("connections[0]")).doesNotContainKey("netns");

		JsonPath states = ApiCalls.getJson("/stats/states?netns=" + pid);
		assertThat(states.getInt("total")).isEqualTo(1);
		assertThat(ApiCalls.getJson("/stats/protocols?protocol=Tcp&netns=" + pid).getLong("protocols.Tcp.CurrEstab"))
			.isZero();
	}

	@Test
	void leavesItOutOfTheDefaultView() {
		assertThat(ApiCalls.getJson("/listening?processes=false&port=" + port).getInt("count")).isZero();
	}

	@Test
	void tagsEachSocketWithItsNamespaceUnderAll() {
		JsonPath all = ApiCalls.getJson("/connections?netns=all&state=listen&port=" + port);
		List<Map<String, Object>> rows = all.getList("connections");
		assertThat(rows).filteredOn((row) -> ((Number) row.get("netns")).longValue() == inode)
			.singleElement()
			.satisfies((row) -> assertThat(row.get("localPort")).isEqualTo(port));
		assertThat(rows).allSatisfy((row) -> assertThat(row).containsKey("netns"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsTheNamespace() {
		List<Map<String, Object>> namespaces = ApiCalls.getJson("/namespaces").getList("namespaces");
		assertThat(namespaces).filteredOn((ns) -> ((Number) ns.get("inode")).longValue() == inode)
			.singleElement()
			.satisfies((ns) -> {
				assertThat(ns.get("own")).isEqualTo(false);
				assertThat((List<Object>) ns.get("pids")).contains(pid);
				assertThat(ns.get("sockets")).isEqualTo(Map.of("tcp", 1, "tcp6", 0, "udp", 0, "udp6", 0));
			});
		assertThat(namespaces).filteredOn((ns) -> ns.get("own").equals(true)).hasSize(1);
	}

	@Test
	void refusesWhatIsNoNamespace() {
		for (String value : List.of("999999999", "self", "-1", "")) {
			RestAssured.given()
				.get("/connections?netns=" + value)
				.then()
				.statusCode(400)
				.body("parameter", equalTo("netns"));
		}
		RestAssured.given().get("/stats/sockets?netns=all").then().statusCode(400).body("parameter", equalTo("netns"));
		RestAssured.given()
			.get("/connections?protocol=unix&netns=" + pid)
			.then()
			.statusCode(400)
			.body("parameter", equalTo("netns"));
	}

	private static long ownInode() throws java.io.IOException {
		String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
		return Long.parseLong(link.substring(5, link.length() - 1));
	}

}
