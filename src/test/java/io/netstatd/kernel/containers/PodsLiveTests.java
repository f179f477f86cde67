package io.netstatd.kernel.containers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A pod found on its socket, for real: a cgroup made as the kubelet makes it with the
 * systemd driver and containerd ({@code kubepods.slice/kubepods-besteffort.slice/
 * kubepods-besteffort-pod<uid>.slice/cri-containerd-<id>.scope}) in the writable cgroup
 * v2 tree, a listener process moved into it before it makes its socket, and the kubelet's
 * log directories in a fixture root: the socket's row names its container and pod, the
 * pod filters select it, {@code /namespaces} lists the pod, and the top-K series of its
 * port carries the pod. The cgroups are removed afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.metrics.ports=100", "netstatd.node-name=n1" })
@Timeout(60)
class PodsLiveTests {

	private static final String UID = UUID.randomUUID().toString();

	private static final String ID = randomId();

	private static final Path LOGS = temporaryLogs();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void logRoots(DynamicPropertyRegistry registry) {
		registry.add("netstatd.pods.log-root", () -> LOGS.resolve("pods").toString());
		registry.add("netstatd.pods.container-log-root", () -> LOGS.resolve("containers").toString());
	}

	@AfterAll
	static void removeLogs() throws IOException {
		Tools.run("rm -rf '" + LOGS + "'");
	}

	@Test
	void findsThePodOnItsSocket() throws Exception {
		List<Path> groups = podCgroup();
		Path group = groups.get(groups.size() - 1);
		Process child = null;
		try {
			child = new ProcessBuilder("python3", "-c", listener(group)).start();
			int childPort = port(child);

			JsonPath row = get("/listening?processes=false&port=" + childPort);
			assertThat(row.getMap("connections[0].container")).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("id",
					ID, "name", "web", "podUid", UID, "podName", "shop-7d4f9", "podNamespace", "shop"));
			assertThat(get("/listening?processes=false&pod=shop/shop-7d4f9").getList("connections.localPort"))
				.containsExactly(childPort);
			assertThat(get("/listening?processes=false&podNamespace=shop").getList("connections.localPort"))
				.containsExactly(childPort);
			assertThat(get("/listening?processes=false&pod=shop/other&port=" + childPort).getList("connections"))
				.isEmpty();
			// the text forms answer "which pod" when pods are asked for
			List<String> table = RestAssured.given()
				.port(this.port)
				.get("/listening?processes=false&podNamespace=shop&format=table")
				.asString()
				.lines()
				.toList();
			assertThat(table.get(0)).matches(".* Inode +Timer +Pod +Container");
			assertThat(table.get(1)).matches(".* off \\(0\\.00/0/0\\) +shop/shop-7d4f9 +web");
			assertThat(RestAssured.given()
				.port(this.port)
				.get("/listening?processes=false&podNamespace=shop&format=csv")
				.asString()
				.lines()
				.toList()).first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.endsWith(",processes,pod,container");
			assertThat(RestAssured.given()
				.port(this.port)
				.get("/listening?processes=false&podNamespace=shop&format=csv")
				.asString()).contains(",shop/shop-7d4f9,web\r\n");
			// with owners: the process is in the container too
			assertThat(get("/listening?processes=true&port=" + childPort).getString("connections[0].container.podName"))
				.isEqualTo("shop-7d4f9");
			assertThat(get("/namespaces").getList("namespaces.findAll { it.own }.pods.flatten()"))
				.contains("shop/shop-7d4f9");
			String scrape = RestAssured.given().port(this.port).get("/actuator/prometheus").asString();
			assertThat(scrape).contains("netstatd_tcp_remote_connections{node=\"n1\",pod=\"shop/shop-7d4f9\",port=\""
					+ childPort + "\",remote=\"other\"} 0.0");
		}
		finally {
			stop(child, groups);
		}
	}

	@Test
	void namesThePodOfAnotherNamespacesRowsWithoutOwners() throws Exception {
		assumeTrue(Tools.installed("unshare") && Tools.installed("ip"), "unshare or ip is not installed");
		List<Path> groups = podCgroup();
		Path group = groups.get(groups.size() - 1);
		Process child = null;
		try {
			// the pod's own network namespace, as a pod has: its rows come from
			// /proc/<pid>/net, without cgroups, and are named by the namespace's
			// processes
			child = new ProcessBuilder("unshare", "--net", "sh", "-c", "ip link set lo up && exec python3 -c \"$0\"",
					listener(group))
				.start();
			int childPort = port(child);
			long own = get("/namespaces").getLong("namespaces.find { it.own }.inode");
			JsonPath rows = get("/listening?netns=all&processes=false&port=" + childPort);
			List<java.util.Map<String, Object>> theirs = rows.<java.util.Map<String, Object>>getList("connections")
				.stream()
				.filter((row) -> ((Number) row.get("netns")).longValue() != own)
				.toList();
			assertThat(theirs).hasSize(1);
			assertThat(theirs.get(0).get("container"))
				.isEqualTo(java.util.Map.of("podUid", UID, "podName", "shop-7d4f9", "podNamespace", "shop"));
		}
		finally {
			stop(child, groups);
		}
	}

	/**
	 * A listener that joins the cgroup before it makes its socket, and prints its port.
	 */
	private static String listener(Path group) {
		return "import os,socket,sys; open('" + group + "/cgroup.procs','w').write(str(os.getpid())); "
				+ "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(1); "
				+ "print(s.getsockname()[1], flush=True); sys.stdin.read()";
	}

	private static int port(Process child) throws IOException {
		String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		assertThat(line).as("the listener's port").isNotNull();
		return Integer.parseInt(line.strip());
	}

	/**
	 * The kubelet's cgroups for the pod's container, the ones made here, outermost first.
	 */
	private static List<Path> podCgroup() throws IOException {
		Path unified = cgroup2Root();
		assumeTrue(unified != null && Files.isWritable(unified), "no writable cgroup v2 tree here");
		assumeTrue(Tools.installed("python3"), "python3 is not installed");
		assumeTrue(!Files.exists(unified.resolve("kubepods.slice")), "a kubelet's own cgroups are here: not touched");
		List<Path> groups = new ArrayList<>();
		Path group = unified;
		for (String element : List.of("kubepods.slice", "kubepods-besteffort.slice",
				"kubepods-besteffort-pod" + UID.replace('-', '_') + ".slice", "cri-containerd-" + ID + ".scope")) {
			group = group.resolve(element);
			Files.createDirectories(group);
			groups.add(group);
		}
		return groups;
	}

	/** Stops the listener and removes the cgroups, innermost first. */
	private static void stop(Process child, List<Path> groups) throws Exception {
		if (child != null) {
			child.destroy();
			child.waitFor(10, TimeUnit.SECONDS);
		}
		List<Path> innermostFirst = new ArrayList<>(groups);
		Collections.reverse(innermostFirst);
		for (Path made : innermostFirst) {
			Files.deleteIfExists(made);
		}
	}

	private JsonPath get(String path) {
		return RestAssured.given().port(this.port).get(path).then().statusCode(200).extract().jsonPath();
	}

	/** The kubelet's directories for one pod with one container, "web". */
	private static Path temporaryLogs() {
		try {
			Path root = Files.createTempDirectory("netstatd-pods-");
			Path container = root.resolve("pods").resolve("shop_shop-7d4f9_" + UID).resolve("web");
			Files.createDirectories(container);
			Files.writeString(container.resolve("0.log"), "");
			Path links = Files.createDirectories(root.resolve("containers"));
			Files.writeString(links.resolve("shop-7d4f9_shop_web-" + ID + ".log"), "");
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path cgroup2Root() {
		String mount = Tools.run("grep ' - cgroup2 ' /proc/self/mountinfo | awk '{ print $5; exit }'").strip();
		return mount.isEmpty() ? null : Path.of(mount);
	}

	/** A container id: 64 hex digits. */
	private static String randomId() {
		byte[] bytes = new byte[32];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
