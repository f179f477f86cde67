package io.netstatd;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests do, so {@code docker-compose.yml} and the
 * {@code Dockerfile} are checked for what can be checked: the isolation the service
 * needs, settings that name real properties, what the build context holds, and the
 * healthcheck command run for real against the running service with credentials
 * configured, as a fleet runs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "netstatd.security.users[0].name=ops",
		// bcrypt of "s3cret": the healthcheck must pass without it
		"netstatd.security.users[0].password-hash=$2a$04$ogUUW/98oBS0rbi1Hkz9LeRDHJono/ky8nH0NmAxhWLofP2Ia35QC" })
class ContainerConfigTests {

	static Map<String, Object> service;

	@LocalServerPort
	int port;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readCompose() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("netstatd");
		}
	}

	@Test
	void seesTheHostsSocketsAndProcessesWithLeastPrivilege() {
		assertThat(service).containsEntry("network_mode", "host")
			.containsEntry("pid", "host")
			.containsEntry("read_only", true)
			.containsEntry("cap_drop", List.of("ALL"))
			.containsEntry("cap_add", List.of("SYS_PTRACE", "DAC_READ_SEARCH"))
			.containsEntry("security_opt", List.of("no-new-privileges:true"))
			.containsEntry("tmpfs", List.of("/tmp"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void passesOnlySettingsTheServiceKnows() throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
			properties.load(reader);
		}
		Map<String, Object> environment = (Map<String, Object>) service.get("environment");

		// relaxed binding: NETSTATD_PROCFS_ROOT is netstatd.procfs.root
		assertThat(environment.keySet()).isNotEmpty()
			.allSatisfy((name) -> assertThat(properties).containsKey(name.toLowerCase().replace('_', '.')));
		assertThat(environment).containsEntry("SERVER_ADDRESS", "127.0.0.1");
	}

	@Test
	void buildsTheJarThePomMakesWithTheWrapper() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));

		assertThat(service.get("build")).isEqualTo(Map.of("context", ".", "dockerfile", "Dockerfile"));
		assertThat(dockerfile).contains("RUN ./mvnw -B -q -DskipTests -DskipClassData=true package")
			.contains("COPY --from=build /src/target/netstatd/netstatd.jar /opt/netstatd/netstatd.jar")
			.contains("COPY --from=build /src/target/netstatd/lib /opt/netstatd/lib")
			.contains("COPY src/main/jvm/options /opt/netstatd/jvm.options")
			.contains("ENV MALLOC_ARENA_MAX=2")
			.contains("\"-XX:AOTCacheOutput=/opt/netstatd/netstatd.aot\"")
			.contains("[\"java\", \"@/opt/netstatd/jvm.options\", \"-XX:AOTCache=/opt/netstatd/netstatd.aot\", "
					+ "\"-jar\", \"/opt/netstatd/netstatd.jar\"]");
		// the layout those COPY lines take is the one the build extracts
		assertThat(Files.readString(Path.of("pom.xml"))).contains("<argument>--application-filename</argument>")
			.contains("<argument>${project.build.directory}/netstatd</argument>");
		assertThat(Files.readString(Path.of("pom.xml"))).contains("<artifactId>netstatd</artifactId>");
	}

	@Test
	void buildContextHoldsTheSourcesAndNothingBuilt() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));

		// COPY .git fails the build where the context has no .git (a source tarball)
		assertThat(dockerfile).doesNotContain("COPY .git").contains("COPY . .");
		assertThat(ignored).contains("target/", "docs/", "deploy/").doesNotContain(".git", "src/", "openapi.yaml");
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthcheckPassesAgainstTheRunningService() throws Exception {
		List<String> test = (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
		assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
		String script = test.get(3).replace("/8080", "/" + this.port);

		Process process = new ProcessBuilder("bash", "-c", script).start();

		assertThat(process.waitFor()).as("healthcheck exit status").isZero();
	}

}
