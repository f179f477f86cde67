package io.netstatd.core.connections;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netstatd.ApiCalls;
import io.netstatd.TestSockets;
import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Owners of real sockets held by real child processes: a listener shared after fork by
 * two processes whose name (argv[0], through a symlink) is longer than netstat's 20
 * characters. Needs python3 to fork a listener (Java cannot hand a socket to a child);
 * skipped without.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProcessOwnersTests {

	private static final String NAME = "netstatd-shared-listener-with-a-long-name";

	private static final String SCRIPT = "import os, socket, sys\n" + "s = socket.socket()\n"
			+ "s.bind(('127.0.0.1', int(sys.argv[1])))\n" + "s.listen(8)\n" + "child = os.fork()\n" + "if child:\n"
			+ "    print(child, flush=True)\n" + "sys.stdin.read()\n";

	@TempDir
	static Path dir;

	static Process parent;

	static long childPid;

	static int listenerPort;

	@LocalServerPort
	int port;

	/** Why the suite cannot run here, or null. */
	static String unavailable;

	@BeforeAll
	static void startSharedListener() throws Exception {
		if (!Tools.installed("python3")) {
			unavailable = "python3 is not installed: no child can fork here";
			return;
		}
		// the interpreter itself, not a wrapper script (pyenv's shims dispatch by their
		// own name)
		Path python = Path.of(Tools.run("python3 -c 'import sys; print(sys.executable)'").strip()).toRealPath();
		Path alias = Files.createSymbolicLink(dir.resolve(NAME), python);
		// a port no socket table mentions, taken by the child
		try (TestSockets probe = new TestSockets()) {
			var channel = probe.listen("127.0.0.1");
			listenerPort = TestSockets.port(channel);
			channel.close();
		}
		parent = new ProcessBuilder(alias.toString(), "-c", SCRIPT, Integer.toString(listenerPort)).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
		childPid = Long.parseLong(out.readLine().strip());
	}

	@BeforeEach
	void needsWhatTheSuiteNeeds() {
		// each test is skipped, saying why, rather than the class vanishing from the
		// count
		assumeTrue(unavailable == null, unavailable);
	}

	@AfterAll
	static void stopSharedListener() throws Exception {
		if (parent != null) {
			parent.getOutputStream().close();
			parent.waitFor(10, TimeUnit.SECONDS);
			ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroy);
			parent.destroy();
		}
	}

	@BeforeEach
	void point() {
		RestAssured.port = this.port;
	}

	@Test
	void listsEveryProcessHoldingASharedListenerNamesUntruncated() {
		// /listening carries owners by default, as ss -tlnp
		JsonPath body = ApiCalls.given()
			.get("/listening?port=" + listenerPort)
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();

		List<Map<String, Object>> processes = body.getList("connections[0].processes");
		assertThat(processes).containsExactly(Map.of("pid", (int) parent.pid(), "name", NAME),
				Map.of("pid", (int) childPid, "name", NAME));
	}

	@Test
	void selectsSocketsByPidAndProgram() {
		JsonPath byPid = ApiCalls.given()
			.get("/connections?state=LISTEN&pid=" + childPid)
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		JsonPath byProgram = ApiCalls.given()
			.get("/connections?program=" + NAME)
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();

		assertThat(byPid.getList("connections.localPort")).containsExactly(listenerPort);
		assertThat(byProgram.getList("connections.localPort")).containsExactly(listenerPort);
	}

	@Test
	void agreesWithSsTlnp() {
		assumeTrue(Tools.installed("ss"), "ss (iproute2) is not installed: nothing to compare with");

		String ss = Tools.run("ss -Htlnp 'sport = :" + listenerPort + "'");

		// ss -p cuts names at 15 bytes (comm); the pids are what must agree
		assertThat(ss).contains("pid=" + parent.pid() + ",", "pid=" + childPid + ",");
	}

}
