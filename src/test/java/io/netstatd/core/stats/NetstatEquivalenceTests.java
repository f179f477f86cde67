package io.netstatd.core.stats;

import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.netstatd.ApiCalls;
import io.netstatd.TestSockets;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed's recipes, run for real with {@code netstat} on this test's own ports, as they
 * were meant (only this port, whole IPv6 addresses, no header lines), must give what the
 * service answers. Skipped where net-tools is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NetstatEquivalenceTests {

	static final TestSockets sockets = new TestSockets();

	static ServerSocketChannel server;

	static ServerSocketChannel dualStack;

	static ServerSocketChannel ipv6;

	/** Connections whose counts tie at a cut of 3: 7, 6, 6, 6. */
	static ServerSocketChannel ties;

	@LocalServerPort
	int port;

	/** Why the suite cannot run here, or null. */
	static String unavailable;

	@BeforeAll
	static void openSockets() {
		if (!Tools.installed("netstat")) {
			unavailable = "netstat (net-tools) is not installed: nothing to compare with";
			return;
		}
		server = sockets.listen("127.0.0.1");
		for (int i = 0; i < 4; i++) {
			sockets.connect("127.0.0.11", server, "127.0.0.1");
		}
		sockets.connect("127.0.0.12", server, "127.0.0.1");
		dualStack = sockets.listenDualStack("127.0.0.1");
		sockets.connect("127.0.0.13", dualStack, "127.0.0.1");
		sockets.connect("127.0.0.13", dualStack, "127.0.0.1");
		ipv6 = sockets.listen("::1");
		sockets.connect("::1", ipv6, "::1");
		sockets.udp("127.0.0.14", null);
		ties = sockets.listen("127.0.0.21");
		int[] counts = { 7, 6, 6, 6 };
		for (int i = 0; i < counts.length; i++) {
			for (int k = 0; k < counts[i]; k++) {
				sockets.connect("127.0.0.2" + (4 + i), ties, "127.0.0.21");
			}
		}
	}

	@BeforeEach
	void needsWhatTheSuiteNeeds() {
		// each test is skipped, saying why, rather than the class vanishing from the
		// count
		assumeTrue(unavailable == null, unavailable);
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
	void stateCountsEqualTheAwkRecipe() {
		for (ServerSocketChannel channel : List.of(server, dualStack, ipv6)) {
			int p = TestSockets.port(channel);
			// netstat -nat | awk '{print $6}' | sort | uniq -c | sort -rn, for one port
			Map<String, Integer> recipe = countLines(Tools.run("netstat -natW | awk '$4 ~ /:" + p + "$/ || $5 ~ /:" + p
					+ "$/ {print $6}' | sort | uniq -c | sort -rn"));

			JsonPath body = get("/stats/states?port=" + p);
			Map<String, Integer> service = new TreeMap<>();
			List<Map<String, Object>> states = body.getList("states");
			states.stream()
				.filter((s) -> (int) s.get("count") > 0)
				.forEach((s) -> service.put((String) s.get("state"), (Integer) s.get("count")));

			assertThat(service).as("port %d", p).isEqualTo(recipe).isNotEmpty();
			assertThat(body.getInt("total")).isEqualTo(recipe.values().stream().mapToInt(Integer::intValue).sum());
		}
	}

	@Test
	void topIpsEqualTheAwkRecipe() {
		for (ServerSocketChannel channel : List.of(server, dualStack, ipv6)) {
			int p = TestSockets.port(channel);
			// netstat -anp | grep 80 | awk '{print $5}' | awk -F: '{print $1}' | sort |
			// uniq -c,
			// as meant: local port p only, LISTEN left out, the address before the last
			// colon
			Map<String, Integer> recipe = countLines(Tools.run("netstat -natW | awk '$4 ~ /:" + p
					+ "$/ && $6 != \"LISTEN\" {sub(/:[0-9]+$/, \"\", $5); print $5}' | sort | uniq -c | sort -rn"));

			List<Map<String, Object>> ips = get("/stats/top-ips?port=" + p).getList("ips");
			Map<String, Integer> service = new TreeMap<>();
			ips.forEach((ip) -> service.put((String) ip.get("ip"), (Integer) ip.get("count")));

			assertThat(service).as("port %d", p).isEqualTo(recipe).isNotEmpty();
		}
	}

	@Test
	void textFormsPrintWhatTheRecipesPrint() {
		for (ServerSocketChannel channel : List.of(server, dualStack, ipv6)) {
			int p = TestSockets.port(channel);
			String states = Tools.run("netstat -natW | awk '$4 ~ /:" + p + "$/ || $5 ~ /:" + p
					+ "$/ {print $6}' | sort | uniq -c | sort -rn");
			String topIps = Tools.run("netstat -natW | awk '$4 ~ /:" + p
					+ "$/ && $6 != \"LISTEN\" {sub(/:[0-9]+$/, \"\", $5); print $5}' | sort | uniq -c | sort -nr | head -20");

			assertThat(text("/stats/states?format=table&port=" + p)).as("port %d", p).isEqualTo(states);
			assertThat(text("/stats/top-ips?format=table&port=" + p)).as("port %d", p).isEqualTo(topIps);
		}
	}

	/**
	 * GNU {@code sort -rn} orders equal counts by the whole line, reversed: at a tie the
	 * address that sorts last in bytes comes first, and {@code head} cuts there. The JSON
	 * keeps the same rows in the same order.
	 */
	@Test
	void keepsTheRecipesRowsAtATieOnTheCut() {
		int p = TestSockets.port(ties);
		String recipe = Tools.run("netstat -natW | awk '$4 ~ /^127\\.0\\.0\\.21:" + p
				+ "$/ && $6 != \"LISTEN\" {sub(/:[0-9]+$/, \"\", $5); print $5}' | sort | uniq -c | sort -rn | head -3");

		assertThat(recipe).isEqualTo("      7 127.0.0.24\n      6 127.0.0.27\n      6 127.0.0.26\n");
		assertThat(text("/stats/top-ips?format=table&limit=3&localAddress=127.0.0.21&port=" + p)).isEqualTo(recipe);
		JsonPath json = get("/stats/top-ips?limit=3&localAddress=127.0.0.21&port=" + p);
		assertThat(json.getList("ips.ip")).containsExactly("127.0.0.24", "127.0.0.27", "127.0.0.26");
		assertThat(json.getList("ips.count")).containsExactly(7, 6, 6);
	}

	/**
	 * The table's header is netstat -antpeo's, column for column, so that a script
	 * reading {@code $NF} or a fixed column reads the same field: the timer comes last.
	 */
	@Test
	void printsNetstatsColumnOrder() {
		int p = TestSockets.port(server);
		String netstat = Tools.run("netstat -antpeoW | sed -n 2p").strip();
		String ours = text("/connections?format=table&protocol=tcp&processes=true&localAddress=127.0.0.1&port=" + p)
			.lines()
			.findFirst()
			.orElseThrow();

		assertThat(columns(ours)).isEqualTo(columns(netstat))
			.containsExactly("Proto", "Recv-Q", "Send-Q", "Local Address", "Foreign Address", "State", "User", "Inode",
					"PID/Program name", "Timer");
	}

	@Test
	@SuppressWarnings("unchecked")
	void columnsAndOwnersEqualNetstatAntpe() {
		int p = TestSockets.port(server);
		// Local, Foreign, State, User (numeric with -n), Inode, PID/Program name
		TreeSet<String> recipe = new TreeSet<>(Tools
			.run("netstat -antpeW | awk '$4 ~ /:" + p + "$/ || $5 ~ /:" + p + "$/ {print $4, $5, $6, $7, $8, $9}'")
			.lines()
			.toList());

		TreeSet<String> service = new TreeSet<>();
		List<Map<String, Object>> rows = get("/connections?protocol=tcp&processes=true&port=" + p)
			.getList("connections");
		for (Map<String, Object> row : rows) {
			List<Map<String, Object>> owners = (List<Map<String, Object>>) row.get("processes");
			String owner = owners.isEmpty() ? "-" : owners.get(0).get("pid") + "/" + owners.get(0).get("name");
			int remotePort = (Integer) row.get("remotePort");
			service.add(row.get("localAddress") + ":" + row.get("localPort") + " " + row.get("remoteAddress") + ":"
					+ ((remotePort == 0) ? "*" : remotePort) + " " + row.get("state") + " " + row.get("uid") + " "
					+ row.get("inode") + " " + owner);
		}

		assertThat(service).hasSize(11).isEqualTo(recipe);
	}

	@Test
	void listenersEqualNetstatTuln() {
		TreeSet<String> recipe = new TreeSet<>(
				Tools.run("netstat -tulnW | awk 'NR > 2 {print $1, $4}'").lines().toList());

		TreeSet<String> service = new TreeSet<>();
		List<Map<String, Object>> rows = get("/listening").getList("connections");
		for (Map<String, Object> row : rows) {
			String address = (String) row.get("localAddress");
			service.add(row.get("protocol") + " " + address + ":" + row.get("localPort"));
		}

		// netstat writes the wildcard port as "*" only for the peer; the local side is
		// numeric
		assertThat(service).isEqualTo(recipe);
	}

	private static String text(String path) {
		return ApiCalls.given().get(path).then().statusCode(200).extract().asString();
	}

	private static JsonPath get(String path) {
		return ApiCalls.given().get(path).then().statusCode(200).extract().jsonPath();
	}

	/** The column names of a header line, in their order. */
	private static List<String> columns(String header) {
		return java.util.regex.Pattern
			.compile("Proto|Recv-Q|Send-Q|Local Address|Foreign Address|State|User|Inode|PID/Program name|Timer|Pod"
					+ "|Container|Netns")
			.matcher(header)
			.results()
			.map(java.util.regex.MatchResult::group)
			.toList();
	}

	/** Lines of {@code uniq -c}: " 4 ESTABLISHED" becomes ESTABLISHED=4. */
	private static Map<String, Integer> countLines(String output) {
		Map<String, Integer> counts = new TreeMap<>();
		output.lines().map(String::strip).filter((line) -> !line.isEmpty()).forEach((line) -> {
			String[] parts = line.split("\\s+", 2);
			counts.put(parts[1], Integer.parseInt(parts[0]));
		});
		return counts;
	}

}
