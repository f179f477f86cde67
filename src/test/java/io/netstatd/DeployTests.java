package io.netstatd;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netstatd.support.access.Role;
import io.netstatd.web.security.SecurityProperties;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet manifests under {@code deploy/}: no cluster runs here, so their structure is
 * checked against the service itself: the DaemonSet isolates as docker-compose.yml does,
 * its environment binds to real properties, its probes answer, Prometheus scrapes the
 * path and port the service serves, and every metric the Grafana dashboard queries is in
 * a real scrape.
 */
@GoldenTreeTest
class DeployTests {

	private static final Path DEPLOY = Path.of("deploy");

	static Map<String, Map<String, Object>> kubernetes = new LinkedHashMap<>();

	static Map<String, Object> container;

	@LocalServerPort
	int port;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readManifests() throws IOException {
		try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("kubernetes/daemonset.yaml"))) {
			for (Object document : new Yaml().loadAll(reader)) {
				Map<String, Object> resource = (Map<String, Object>) document;
				kubernetes.put((String) resource.get("kind"), resource);
			}
		}
		List<Map<String, Object>> containers = (List<Map<String, Object>>) get(kubernetes.get("DaemonSet"),
				"spec.template.spec.containers");
		assertThat(containers).hasSize(1);
		container = containers.get(0);
	}

	@Test
	@SuppressWarnings("unchecked")
	void daemonSetSeesTheNodeWithLeastPrivilegeAsComposeDoes() throws IOException {
		assertThat(kubernetes).containsOnlyKeys("Namespace", "Secret", "DaemonSet");
		Map<String, Object> pod = (Map<String, Object>) get(kubernetes.get("DaemonSet"), "spec.template.spec");
		assertThat(pod).containsEntry("hostNetwork", true)
			.containsEntry("hostPID", true)
			.containsEntry("dnsPolicy", "ClusterFirstWithHostNet")
			.containsEntry("automountServiceAccountToken", false);
		assertThat(get(kubernetes.get("DaemonSet"), "spec.selector.matchLabels"))
			.isEqualTo(get(kubernetes.get("DaemonSet"), "spec.template.metadata.labels"));

		Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
		assertThat(security).containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false);
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = (Map<String, Object>) get(new Yaml().load(reader), "services.netstatd");
		}
		// one image: what `docker compose build` tags is what the DaemonSet runs, the
		// project's version
		String version = Files.readString(Path.of("pom.xml"))
			.replaceFirst("(?s).*?<artifactId>netstatd</artifactId>\\s*<version>([^<-]+).*", "$1");
		assertThat(container.get("image")).isEqualTo(compose.get("image")).isEqualTo("netstatd:" + version);
		assertThat(get(security, "capabilities.drop")).isEqualTo(compose.get("cap_drop"));
		assertThat(get(security, "capabilities.add")).isEqualTo(compose.get("cap_add"));
		// a tmpfs, and what names pods (the kubelet's log directories, the node's cgroup
		// tree), read-only
		assertThat((List<Map<String, Object>>) container.get("volumeMounts")).containsExactly(
				Map.of("name", "tmp", "mountPath", "/tmp"),
				Map.of("name", "pod-logs", "mountPath", "/var/log/pods", "readOnly", true),
				Map.of("name", "container-logs", "mountPath", "/var/log/containers", "readOnly", true),
				Map.of("name", "cgroup", "mountPath", "/host/sys/fs/cgroup", "readOnly", true));
		assertThat(get(container, "resources.limits")).isInstanceOf(Map.class);
		assertThat(((Map<String, Object>) get(container, "resources.limits")).keySet()).contains("memory", "cpu");
	}

	@Test
	void probesAskPathsTheServiceAnswersWithoutCredentials() {
		Set<String> paths = new HashSet<>();
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			assertThat(get(container, probe + ".httpGet.port")).isEqualTo("http");
			paths.add((String) get(container, probe + ".httpGet.path"));
		}
		// SecuredServiceTests: these two stay open when credentials are required
		assertThat(paths).containsExactlyInAnyOrder("/actuator/health/liveness", "/actuator/health/readiness");
		for (String path : paths) {
			RestAssured.given().port(this.port).get(path).then().statusCode(200);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void environmentBindsToTheServicesProperties() throws NoSuchAlgorithmException {
		Map<String, Object> environment = new LinkedHashMap<>();
		String secretKey = null;
		for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
			Object value = variable.get("value");
			if (variable.containsKey("valueFrom") && get(variable, "valueFrom.secretKeyRef") != null) {
				secretKey = (String) get(variable, "valueFrom.secretKeyRef.key");
				value = get(kubernetes.get("Secret"), "stringData." + secretKey);
			}
			environment.put((String) variable.get("name"), value);
		}
		MutablePropertySources sources = new MutablePropertySources();
		// named as the JVM's environment is: only that source maps TOKENS_0_HASH to
		// tokens[0].hash
		sources.addFirst(new SystemEnvironmentPropertySource(
				org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		Binder binder = new Binder(ConfigurationPropertySources.from(sources));

		assertThat(binder.bind("server.address", String.class).get()).isEqualTo("$(NODE_IP)");
		assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(9808);
		assertThat(binder.bind("netstatd.procfs.root", Path.class).get()).isEqualTo(Path.of("/proc"));
		assertThat(binder.bind("netstatd.pods.log-root", Path.class).get()).isEqualTo(Path.of("/var/log/pods"));
		assertThat(binder.bind("netstatd.pods.container-log-root", Path.class).get())
			.isEqualTo(Path.of("/var/log/containers"));
		assertThat(binder.bind("netstatd.cgroup.root", Path.class).get()).isEqualTo(Path.of("/host/sys/fs/cgroup"));
		SecurityProperties security = binder.bind("netstatd.security", SecurityProperties.class).get();
		// the sample Secret holds what its comment says: the hash of "change-me"
		String changeMe = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("change-me".getBytes(StandardCharsets.UTF_8)));
		// and reads the metrics only: the role a scrape needs
		assertThat(security.tokens()).containsExactly(new SecurityProperties.Token(changeMe, List.of(Role.METRICS)));
		assertThat(security.tokenHashes()).isEmpty();
		assertThat(get(container, "ports"))
			.isEqualTo(List.of(Map.of("name", "http", "containerPort", 9808, "protocol", "TCP")));
		// $(NODE_IP) is expanded by the kubelet only from a variable defined before it
		assertThat(new ArrayList<>(environment.keySet())).startsWith("NODE_IP", "SERVER_ADDRESS");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesThePathAndPodsTheServiceHas() throws IOException {
		Map<String, Object> config;
		try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("prometheus/prometheus.yml"))) {
			config = new Yaml().load(reader);
		}
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		assertThat(jobs).extracting((job) -> job.get("job_name")).containsExactly("netstatd", "netstatd-hosts");
		for (Map<String, Object> job : jobs) {
			assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
			assertThat(get(job, "authorization.type")).isEqualTo("Bearer");
			RestAssured.given().port(this.port).get((String) job.get("metrics_path")).then().statusCode(200);
		}
		List<Map<String, Object>> relabel = (List<Map<String, Object>>) jobs.get(0).get("relabel_configs");
		assertThat(relabel.get(0)).containsEntry("action", "keep")
			.containsEntry("regex",
					get(kubernetes.get("DaemonSet"), "spec.template.metadata.labels.app.kubernetes.io/name"));
		assertThat(relabel.get(1)).containsEntry("action", "keep").containsEntry("regex", "http");
		assertThat(get(jobs.get(0), "kubernetes_sd_configs")).asList()
			.first()
			.extracting((sd) -> get((Map<String, Object>) sd, "namespaces.names"))
			.isEqualTo(List.of(get(kubernetes.get("Namespace"), "metadata.name")));
	}

	@Test
	void grafanaQueriesOnlyMetricsTheServiceExposes() throws IOException {
		// a request first, so that the request counter has a series
		RestAssured.given().port(this.port).get("/stats/states").then().statusCode(200);
		String scrape = RestAssured.given().port(this.port).get("/actuator/prometheus").asString();
		Set<String> exposed = new HashSet<>();
		scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.forEach((line) -> exposed.add(line.split("[{ ]", 2)[0]));

		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(DEPLOY.resolve("grafana/netstatd-dashboard.json").toFile());
		Set<String> queried = new HashSet<>();
		Set<Integer> ids = new HashSet<>();
		Pattern metric = Pattern.compile("\\b(netstatd_[a-z_]+|http_server_requests_[a-z_]+)\\b");
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
			assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
			for (JsonNode target : panel.get("targets")) {
				Matcher matcher = metric.matcher(target.get("expr").asString());
				assertThat(matcher.find()).as("a query of panel %s names a metric", panel.get("title")).isTrue();
				do {
					queried.add(matcher.group(1));
				}
				while (matcher.find());
			}
		}
		assertThat(exposed).containsAll(queried);
		assertThat(queried).contains("netstatd_tcp_remote_connections", "netstatd_tcp_port_connections");
		assertThat(queried).contains("netstatd_tcp_connections", "netstatd_tcp_listen_overflows_total",
				"netstatd_tcp_listen_queue_length", "netstatd_sockstat_time_wait", "netstatd_skipped_lines_total");
	}

	@Test
	@SuppressWarnings("unchecked")
	void recordingRulesUseWhatTheServiceExposes() throws IOException {
		Map<String, Object> prometheus;
		try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("prometheus/prometheus.yml"))) {
			prometheus = new Yaml().load(reader);
		}
		assertThat((List<String>) prometheus.get("rule_files")).containsExactly("rules.yml");
		Map<String, Object> rules;
		try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("prometheus/rules.yml"))) {
			rules = new Yaml().load(reader);
		}
		String scrape = RestAssured.given().port(this.port).get("/actuator/prometheus").asString();
		Pattern metric = Pattern.compile("\\b(netstatd_[A-Za-z_]+)\\b");
		List<String> records = new java.util.ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				records.add((String) rule.get("record"));
				Matcher matcher = metric.matcher((String) rule.get("expr"));
				assertThat(matcher.find()).isTrue();
				assertThat(scrape).contains("\n" + matcher.group(1) + "{");
			}
		}
		assertThat(records).contains("port_remote:netstatd_tcp_remote_connections:sum");
	}

	/** The value at a dotted path; a key may itself hold dots (labels do). */
	@SuppressWarnings("unchecked")
	private static Object get(Map<String, Object> map, String path) {
		Object node = map;
		String rest = path;
		while (!rest.isEmpty()) {
			if (!(node instanceof Map<?, ?> current)) {
				return null;
			}
			if (current.containsKey(rest)) {
				return current.get(rest);
			}
			int dot = rest.indexOf('.');
			String key = (dot < 0) ? rest : rest.substring(0, dot);
			node = ((Map<String, Object>) current).get(key);
			rest = (dot < 0) ? "" : rest.substring(dot + 1);
		}
		return node;
	}

}
