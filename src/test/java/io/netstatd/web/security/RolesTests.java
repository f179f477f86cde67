package io.netstatd.web.security;

import java.util.HexFormat;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.hamcrest.Matchers.equalTo;

/**
 * Each credential reads what its role allows: the scrape token the metrics only, a
 * dashboard's the views, the privileged one captures and owners' command lines too;
 * anything beyond is a 403 problem naming the role it needs. Command lines are on here,
 * so owners are privileged; capture is on, on loopback.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.processes.command-lines=true", "netstatd.capture.enabled=true" })
class RolesTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void credentials(DynamicPropertyRegistry registry) {
		registry.add("netstatd.security.tokens[0].hash", () -> hash("tok-scrape"));
		registry.add("netstatd.security.tokens[0].roles", () -> "metrics");
		registry.add("netstatd.security.token-hashes[0]", () -> hash("tok-dashboard"));
		registry.add("netstatd.security.tokens[1].hash", () -> hash("tok-oncall"));
		registry.add("netstatd.security.tokens[1].roles", () -> "privileged");
		registry.add("netstatd.security.users[0].name", () -> "ops");
		registry.add("netstatd.security.users[0].password-hash", () -> new BCryptPasswordEncoder(4).encode("s3cret"));
		registry.add("netstatd.security.users[0].roles", () -> "privileged");
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource({ "tok-scrape, /actuator/prometheus, 200, ", "tok-scrape, /actuator/info, 200, ",
			"tok-scrape, /actuator/health, 200, ", "tok-scrape, /stats/states, 403, reader",
			"tok-scrape, /connections, 403, reader", "tok-scrape, /v3/api-docs, 403, reader",
			"tok-scrape, /capture/top-sources?iface=lo&port=9&seconds=1, 403, privileged",
			"tok-dashboard, /actuator/prometheus, 200, ", "tok-dashboard, /stats/states, 200, ",
			"tok-dashboard, /listening?processes=false, 200, ",
			"tok-dashboard, /listening?processes=true, 403, privileged",
			"tok-dashboard, /connections?program=java, 403, privileged",
			"tok-dashboard, /capture/top-sources?iface=lo&port=9&seconds=1, 403, privileged",
			"tok-oncall, /actuator/prometheus, 200, ", "tok-oncall, /listening?processes=true, 200, ",
			"tok-oncall, /capture/top-sources?iface=lo&port=9&seconds=1, 200, " })
	void answersWhatTheRoleAllows(String token, String path, int status, String role) {
		var response = bearer(token).get(path).then().statusCode(status);
		if (role != null) {
			response.contentType("application/problem+json")
				.body("title", equalTo("Forbidden"))
				.body("role", equalTo(role))
				.body("status", equalTo(403));
		}
	}

	@Test
	void givesAUserItsRoles() {
		RestAssured.given()
			.port(this.port)
			.auth()
			.preemptive()
			.basic("ops", "s3cret")
			.get("/listening?processes=true")
			.then()
			.statusCode(200);
	}

	private RequestSpecification bearer(String token) {
		return RestAssured.given().port(this.port).header("Authorization", "Bearer " + token);
	}

	private static String hash(String token) {
		return HexFormat.of().formatHex(BearerTokenFilter.sha256(token));
	}

}
