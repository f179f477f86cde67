package io.netstatd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fleet with the real Prometheus: three nodes, each the service in a network namespace
 * of its own (a veth pair, an address of its own) holding known sockets on its loopback;
 * Debian's Prometheus scrapes them with the plain-host job of
 * {@code deploy/prometheus/prometheus.yml} (targets and the token filled in, intervals
 * shortened) and evaluates {@code deploy/prometheus/rules.yml} (group intervals
 * shortened). The answers are asserted exactly through Prometheus' HTTP query API, as a
 * person or Grafana would ask them, and every panel of the Grafana dashboard returns
 * data.
 */
@Timeout(180)
class FleetTests {

	private static final List<String> NODES = List.of("alpha", "beta", "gamma");

	/**
	 * What each node holds: connections to 127.0.0.1:8443 by remote, and who overflows.
	 */
	private static final Map<String, String> SOCKETS = Map.of("alpha", "127.0.0.7=5,127.0.0.8=2", "beta", "127.0.0.7=5",
			"gamma", "127.0.0.9=3");

	private static final String OVERFLOWING = "gamma";

	private static final int SERVICE_PORT = 9808;

	/**
	 * Holds the node's sockets until its standard input closes: a listener on
	 * 127.0.0.1:8443 with the connections of argv[1] accepted, and with argv[2] = 1 a
	 * listener on 127.0.0.1:9000 with a backlog of 2 that never accepts, and 20 clients
	 * (its queue overflows, and keeps overflowing as their SYNs are retried).
	 */
	private static final String HOLDER = """
			import socket, sys
			held = []
			l = socket.socket(); l.bind(('127.0.0.1', 8443)); l.listen(64); held.append(l)
			for spec in sys.argv[1].split(','):
			    remote, count = spec.split('=')
			    for _ in range(int(count)):
			        c = socket.socket(); c.bind((remote, 0)); c.connect(('127.0.0.1', 8443))
			        held += [c, l.accept()[0]]
			if sys.argv[2] == '1':
			    o = socket.socket(); o.bind(('127.0.0.1', 9000)); o.listen(2); held.append(o)
			    for _ in range(20):
			        c = socket.socket(); c.setblocking(False); c.bind(('127.0.0.10', 0))
			        try:
			            c.connect(('127.0.0.1', 9000))
			        except BlockingIOError:
			            pass
			        held.append(c)
			print('ready', flush=True)
			sys.stdin.read()
			""";

	private static final String TOKEN = "fleet-test-scrape-token";

	/** Why the fleet cannot be made here, or null. */
	private static String noFleet;

	private static final String PREFIX = "nsdf" + ProcessHandle.current().pid() % 100_000;

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static final List<Process> holders = new ArrayList<>();

	private static Process prometheus;

	private static Path work;

	private static int prometheusPort;

	@BeforeAll
	static void makeTheFleet() throws Exception {
		if (Boolean.getBoolean("netstatd.fleet.skip")) {
			noFleet = "netstatd.fleet.skip: the fleet ran on the first JDK of this CI run (it holds Prometheus, the "
					+ "rules and the dashboard, which no JDK changes)";
			return;
		}
		if (!Tools.installed("prometheus") || !Tools.installed("ip") || !Tools.installed("python3")) {
			noFleet = "prometheus (Debian's prometheus package), ip (iproute2) or python3 is missing";
			return;
		}
		for (int i = 0; i < NODES.size(); i++) {
			String made = Tools.run(namespace(i));
			if (!made.strip().equals("made")) {
				noFleet = "could not make a network namespace with a veth pair here (not root?): " + made;
				return;
			}
		}
		work = Files.createTempDirectory("netstatd-fleet");
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < NODES.size(); i++) {
			services.add(ServiceProcess.launchIn(netns(i), nodeAddress(i), SERVICE_PORT, "fleet-" + NODES.get(i),
					"--netstatd.node-name=" + NODES.get(i), "--netstatd.security.tokens[0].hash=" + hash,
					"--netstatd.security.tokens[0].roles=metrics"));
		}
		for (ServiceProcess service : services) {
			service.awaitReady(Duration.ofSeconds(90));
		}
		prometheus = startPrometheus();
		// the queue overflows once Prometheus watches, so that the counter grows in its
		// samples
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> vector("up{job=\"netstatd-hosts\"} == 1").size() == NODES.size());
		for (int i = 0; i < NODES.size(); i++) {
			holders.add(hold(i));
		}
	}

	@BeforeEach
	void needsTheFleet() {
		assumeTrue(noFleet == null, noFleet);
	}

	@AfterAll
	static void removeTheFleet() throws Exception {
		for (Process holder : holders) {
			holder.getOutputStream().close();
			holder.waitFor(10, TimeUnit.SECONDS);
			holder.destroyForcibly();
		}
		if (prometheus != null) {
			prometheus.destroy();
			prometheus.waitFor(15, TimeUnit.SECONDS);
			prometheus.destroyForcibly();
		}
		services.forEach(ServiceProcess::close);
		for (int i = 0; i < NODES.size(); i++) {
			// the veth pair goes with the namespace
			Tools.run("ip netns delete " + netns(i) + " 2>/dev/null || true");
		}
		if (work != null) {
			Tools.run("rm -rf '" + work + "'");
		}
	}

	@Test
	void answersTheFleetsQuestionsAndAlertsOnTheOverflowingNodeAlone() {
		// which remotes hammer 8443 across the fleet: 5 on alpha, 5 on beta
		awaitVector("port_remote:netstatd_tcp_remote_connections:sum{port=\"8443\",remote!=\"other\"}", "remote",
				Map.of("127.0.0.7", 10.0, "127.0.0.8", 2.0, "127.0.0.9", 3.0));
		// and on which nodes, each apart
		awaitVector("node_port_remote:netstatd_tcp_remote_connections:sum{port=\"8443\",remote=\"127.0.0.7\"}", "node",
				Map.of("alpha", 5.0, "beta", 5.0));
		// states per node: each node's listeners (the service, 8443, and 9000 on gamma)
		awaitVector("netstatd_tcp_connections{state=\"LISTEN\"}", "node",
				Map.of("alpha", 2.0, "beta", 2.0, "gamma", 3.0));
		awaitVector("sum by (node) (netstatd_tcp_port_connections{port=\"8443\",state=\"ESTABLISHED\"})", "node",
				Map.of("alpha", 7.0, "beta", 5.0, "gamma", 3.0));
		awaitVector("port_state:netstatd_tcp_port_connections:sum{port=\"8443\",state=\"ESTABLISHED\"}", "port",
				Map.of("8443", 15.0));
		// the alert for a full accept queue: gamma's, and no other node's
		awaitVector("ALERTS{alertname=\"NetstatdAcceptQueueOverflow\",alertstate=\"firing\"}", "node",
				Map.of(OVERFLOWING, 1.0));
		assertThat(vector("increase(netstatd_tcp_listen_overflows_total{node!=\"" + OVERFLOWING + "\"}[5m]) > 0"))
			.as("overflows on the other nodes")
			.isEmpty();
	}

	@Test
	void everyPanelOfTheDashboardHasData() throws IOException {
		// the holders' sockets are there (the rules have seen them)
		awaitVector("sum by (node) (netstatd_tcp_port_connections{port=\"8443\",state=\"ESTABLISHED\"})", "node",
				Map.of("alpha", 7.0, "beta", 5.0, "gamma", 3.0));
		Map<String, String> queries = dashboardQueries();
		assertThat(queries).hasSize(19);
		for (Map.Entry<String, String> query : queries.entrySet()) {
			String expr = query.getValue().replace("$node", ".*").replace("$port", "8443");
			Awaitility.await(query.getKey())
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> !vector(expr).isEmpty());
		}
	}

	/** Each target of the dashboard, by panel title and target. */
	private static Map<String, String> dashboardQueries() throws IOException {
		Map<String, String> queries = new LinkedHashMap<>();
		JsonPath dashboard = JsonPath.from(Path.of("deploy/grafana/netstatd-dashboard.json").toFile());
		List<Map<String, Object>> panels = dashboard.getList("panels");
		for (Map<String, Object> panel : panels) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
			for (Map<String, Object> target : targets) {
				queries.put(panel.get("title") + " / " + target.get("refId"), (String) target.get("expr"));
			}
		}
		return queries;
	}

	private static String namespace(int i) {
		String ns = netns(i);
		String host = "vfh" + PREFIX.substring(4) + i;
		String node = "vfn" + PREFIX.substring(4) + i;
		return "set -e; ip netns add " + ns + " 2>&1; ip link add " + host + " type veth peer name " + node
				+ " 2>&1; ip link set " + node + " netns " + ns + "; ip addr add " + hostAddress(i) + "/24 dev " + host
				+ "; ip link set " + host + " up; ip netns exec " + ns + " ip addr add " + nodeAddress(i) + "/24 dev "
				+ node + "; ip netns exec " + ns + " ip link set " + node + " up; ip netns exec " + ns
				+ " ip link set lo up; echo made";
	}

	private static String netns(int i) {
		return PREFIX + "-" + NODES.get(i);
	}

	/** A subnet per node, from a block no host of this machine's networks uses. */
	private static String hostAddress(int i) {
		return "10.213." + (i + 1) + ".1";
	}

	private static String nodeAddress(int i) {
		return "10.213." + (i + 1) + ".2";
	}

	private static Process hold(int i) throws IOException {
		String node = NODES.get(i);
		Process holder = new ProcessBuilder("ip", "netns", "exec", netns(i), "python3", "-c", HOLDER, SOCKETS.get(node),
				node.equals(OVERFLOWING) ? "1" : "0")
			.redirectErrorStream(true)
			.start();
		String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		assertThat(line).as("the sockets of %s", node).isEqualTo("ready");
		return holder;
	}

	/**
	 * Prometheus with the plain-host job of the project's configuration: its targets the
	 * three nodes, its token a file here, scraped and evaluated every second; the rules
	 * are the project's with their groups evaluated every second.
	 */
	@SuppressWarnings("unchecked")
	private static Process startPrometheus() throws IOException {
		Yaml yaml = new Yaml(blockStyle());
		Map<String, Object> config;
		try (Reader reader = Files.newBufferedReader(Path.of("deploy/prometheus/prometheus.yml"))) {
			config = yaml.load(reader);
		}
		Map<String, Object> rules;
		try (Reader reader = Files.newBufferedReader(Path.of("deploy/prometheus/rules.yml"))) {
			rules = yaml.load(reader);
		}
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			group.put("interval", "1s");
		}
		Files.writeString(work.resolve("token"), TOKEN);
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		Map<String, Object> hosts = jobs.stream()
			.filter((job) -> "netstatd-hosts".equals(job.get("job_name")))
			.findFirst()
			.orElseThrow();
		List<String> targets = new ArrayList<>();
		for (int i = 0; i < NODES.size(); i++) {
			targets.add(nodeAddress(i) + ":" + SERVICE_PORT);
		}
		hosts.put("static_configs", List.of(Map.of("targets", targets)));
		((Map<String, Object>) hosts.get("authorization")).put("credentials_file", work.resolve("token").toString());
		config.put("scrape_configs", List.of(hosts));
		config.put("global",
				new TreeMap<>(Map.of("scrape_interval", "1s", "scrape_timeout", "1s", "evaluation_interval", "1s")));
		config.put("rule_files", List.of(work.resolve("rules.yml").toString()));
		try (Writer out = Files.newBufferedWriter(work.resolve("rules.yml"))) {
			yaml.dump(rules, out);
		}
		try (Writer out = Files.newBufferedWriter(work.resolve("prometheus.yml"))) {
			yaml.dump(config, out);
		}
		prometheusPort = freePort();
		Process process = new ProcessBuilder("prometheus", "--config.file=" + work.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "fleet-prometheus.log").toFile())
			.start();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> RestAssured.given()
				.baseUri("http://127.0.0.1:" + prometheusPort)
				.get("/-/ready")
				.statusCode() == 200);
		return process;
	}

	private static DumperOptions blockStyle() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return options;
	}

	/**
	 * Waits until {@code query}'s vector, by {@code label}, is exactly {@code expected}.
	 */
	private static void awaitVector(String query, String label, Map<String, Double> expected) {
		Awaitility.await(query)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(byLabel(vector(query), label)).as(query).isEqualTo(expected));
	}

	/** The instant vector {@code query} answers now. */
	private static List<Map<String, Object>> vector(String query) {
		JsonPath answer = RestAssured.given()
			.baseUri("http://127.0.0.1:" + prometheusPort)
			.urlEncodingEnabled(false)
			.get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		return answer.getList("data.result");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Double> byLabel(List<Map<String, Object>> vector, String label) {
		Map<String, Double> values = new TreeMap<>();
		for (Map<String, Object> sample : vector) {
			Map<String, String> metric = (Map<String, String>) sample.get("metric");
			List<Object> value = (List<Object>) sample.get("value");
			values.put(metric.get(label), Double.parseDouble((String) value.get(1)));
		}
		return values;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
