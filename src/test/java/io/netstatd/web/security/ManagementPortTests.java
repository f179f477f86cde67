package io.netstatd.web.security;

import java.util.HexFormat;

import io.netstatd.NetstatdApplication;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.hamcrest.Matchers.containsString;

/**
 * Actuator on a port of its own ({@code management.server.port}): the same rule as the
 * API's, credentials for all but the probes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1" })
class ManagementPortTests {

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void credentials(DynamicPropertyRegistry registry) {
		registry.add("netstatd.security.token-hashes[0]",
				() -> HexFormat.of().formatHex(BearerTokenFilter.sha256("tok-mgmt")));
	}

	@Test
	void wantsCredentialsForTheScrapeThere() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/health" }) {
			RestAssured.given().port(this.managementPort).get(path).then().statusCode(401);
		}
		RestAssured.given()
			.port(this.managementPort)
			.header("Authorization", "Bearer tok-mgmt")
			.get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("netstatd_tcp_connections"));
		RestAssured.given().port(this.managementPort).get("/actuator/health/liveness").then().statusCode(200);
	}

	/**
	 * {@code --management.server.port} alone: Spring Boot would bind the management
	 * server on every interface (it does not take {@code server.address}); it binds where
	 * the API binds, so the scrape is not open to anyone on a loopback-only service.
	 */
	@Test
	void bindsWhereTheApiBindsUnlessToldOtherwise() throws Exception {
		try (var context = new SpringApplicationBuilder(NetstatdApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0", "--netstatd.security.token-hashes=",
				"--netstatd.security.users=", "--spring.main.banner-mode=off")) {
			String port = context.getEnvironment().getProperty("local.management.port");
			Process ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + port).redirectErrorStream(true).start();
			String listening = new String(ss.getInputStream().readAllBytes()).strip();
			ss.waitFor();
			// a dual-stack JVM binds 127.0.0.1 as its IPv4-mapped form
			assertThat(listening.split("\\s+")[3]).isIn("127.0.0.1:" + port, "[::ffff:127.0.0.1]:" + port);
			RestAssured.given()
				.port(Integer.parseInt(port))
				.get("/actuator/prometheus")
				.then()
				.statusCode(200)
				.body(containsString("netstatd_tcp_connections"));
		}
	}

	@Test
	void refusesToStartItOnEveryInterfaceWithoutCredentials() {
		SpringApplicationBuilder open = new SpringApplicationBuilder(NetstatdApplication.class).properties(
				"server.port=0", "server.address=127.0.0.1", "management.server.port=0",
				"management.server.address=0.0.0.0", "netstatd.security.token-hashes=", "netstatd.security.users=");

		assertThatException().isThrownBy(() -> open.run().close())
			.withStackTraceContaining("0.0.0.0")
			.withStackTraceContaining("credentials");
	}

}
