package io.netstatd.web.security;

import java.util.HexFormat;

import io.netstatd.NetstatdApplication;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service with credentials configured, over real HTTP on loopback: every path but
 * liveness wants them, HTTP Basic (bcrypt) and bearer tokens (SHA-256) both work, CORS
 * answers listed origins only. And the refusal to start beyond loopback without them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecuredServiceTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void credentials(DynamicPropertyRegistry registry) {
		registry.add("netstatd.security.users[0].name", () -> "ops");
		registry.add("netstatd.security.users[0].password-hash", () -> new BCryptPasswordEncoder().encode("s3cret"));
		registry.add("netstatd.security.token-hashes[0]",
				() -> HexFormat.of().formatHex(BearerTokenFilter.sha256("tok-123")));
		registry.add("netstatd.security.cors-allowed-origins[0]", () -> "https://dash.example");
	}

	@BeforeEach
	void point() {
		RestAssured.port = this.port;
	}

	@ParameterizedTest
	@ValueSource(strings = { "/connections", "/listening", "/stats/states", "/stats/top-ips?port=80", "/v3/api-docs",
			"/swagger-ui/index.html", "/actuator/health", "/actuator/info", "/actuator/prometheus", "/",
			"/dashboard.js", "/webjars/chart.js/dist/chart.umd.min.js", "/stats/protocols", "/stats/sockets",
			"/no-such-path" })
	void wantsCredentialsOnEveryPath(String path) {
		var response = RestAssured.given()
			.get(path)
			.then()
			.statusCode(401)
			.contentType("application/problem+json")
			.body("detail", equalTo("Credentials are required: HTTP Basic, or Authorization: Bearer <token>."))
			.extract();

		assertThat(response.headers().getValues("WWW-Authenticate")).containsExactly("Basic realm=\"netstatd\"",
				"Bearer realm=\"netstatd\"");
		// the shape of every other problem: no member that says nothing
		assertThat(response.body().asString()).isEqualTo("{\"detail\":\"Credentials are required: HTTP Basic, or "
				+ "Authorization: Bearer <token>.\",\"status\":401,\"title\":\"Unauthorized\"}");
	}

	@Test
	void leavesTheProbesOpenForTheContainerRuntime() {
		RestAssured.given().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		RestAssured.given().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void acceptsBasicAndBearerCredentials() {
		RestAssured.given().auth().preemptive().basic("ops", "s3cret").get("/stats/states").then().statusCode(200);
		RestAssured.given().header("Authorization", "Bearer tok-123").get("/stats/states").then().statusCode(200);
		RestAssured.given().auth().preemptive().basic("ops", "wrong").get("/stats/states").then().statusCode(401);
		RestAssured.given().header("Authorization", "Bearer tok-124").get("/stats/states").then().statusCode(401);
	}

	@Test
	void servesTheDashboardWithAContentSecurityPolicy() {
		RestAssured.given()
			.header("Authorization", "Bearer tok-123")
			.get("/")
			.then()
			.statusCode(200)
			.contentType("text/html")
			.header("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
		RestAssured.given()
			.header("Authorization", "Bearer tok-123")
			.get("/webjars/chart.js/dist/chart.umd.min.js")
			.then()
			.statusCode(200);
	}

	@Test
	void servesOnlyGetAndHead() {
		for (String method : new String[] { "POST", "PUT", "DELETE", "PATCH" }) {
			RestAssured.given()
				.header("Authorization", "Bearer tok-123")
				.request(method, "/connections")
				.then()
				.statusCode(405)
				.contentType("application/problem+json")
				.body("keySet()", org.hamcrest.Matchers.containsInAnyOrder("detail", "instance", "status", "title"));
		}
		RestAssured.given().header("Authorization", "Bearer tok-123").head("/stats/states").then().statusCode(200);
	}

	@Test
	void answersCorsPreflightForListedOriginsOnly() {
		RestAssured.given()
			.header("Origin", "https://dash.example")
			.header("Access-Control-Request-Method", "GET")
			.options("/stats/states")
			.then()
			.statusCode(200)
			.header("Access-Control-Allow-Origin", "https://dash.example")
			.header("Access-Control-Allow-Methods", equalTo("GET,HEAD"));
		RestAssured.given()
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET")
			.options("/stats/states")
			.then()
			.statusCode(403)
			.contentType("application/problem+json")
			.body("status", equalTo(403));
		RestAssured.given()
			.header("Origin", "https://dash.example")
			.header("Access-Control-Request-Method", "DELETE")
			.options("/stats/states")
			.then()
			.statusCode(403);
	}

	/**
	 * A name is matched as written: InMemoryUserDetailsManager matched it in any case.
	 */
	@Test
	void matchesUserNamesExactly() {
		RestAssured.given().auth().preemptive().basic("OPS", "s3cret").get("/stats/states").then().statusCode(401);
		RestAssured.given().auth().preemptive().basic("ops ", "s3cret").get("/stats/states").then().statusCode(401);
	}

	/** OPTIONS is a method like any other: credentials first, then a 405 problem. */
	@Test
	void wantsCredentialsForOptionsToo() {
		RestAssured.given()
			.options("/connections")
			.then()
			.statusCode(401)
			.contentType("application/problem+json")
			.header("Allow", (String) null);
		RestAssured.given()
			.header("Authorization", "Bearer tok-123")
			.options("/connections")
			.then()
			.statusCode(405)
			.contentType("application/problem+json")
			.header("Allow", "GET, HEAD");
	}

	/**
	 * An address that failed five logins in 30 s is answered 429 with Retry-After, after
	 * a second, with no password checked; known and unknown names alike. Another address
	 * is not affected.
	 */
	@Test
	void pausesAnAddressThatKeepsFailing() throws Exception {
		for (String name : new String[] { "ops", "nobody", "ops", "root", "ops" }) {
			assertThat(basicFrom("127.0.9.77", name, "guess")).startsWith("HTTP/1.1 401 ");
		}
		long started = System.nanoTime();
		String paused = basicFrom("127.0.9.77", "ops", "another-guess");
		assertThat(System.nanoTime() - started).as("held a second").isGreaterThanOrEqualTo(900_000_000L);
		assertThat(paused).startsWith("HTTP/1.1 429 ")
			.containsPattern("\r\nRetry-After: ([1-9]|[12][0-9]|3[01])\r\n")
			.contains("application/problem+json")
			.contains("\"title\":\"Too many failed logins\"")
			.doesNotContain("WWW-Authenticate");
		assertThat(basicFrom("127.0.9.78", "ops", "another-guess")).startsWith("HTTP/1.1 401 ");
	}

	private String basicFrom(String address, String name, String password) throws java.io.IOException {
		try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), this.port,
				java.net.InetAddress.getByName(address), 0)) {
			socket.setSoTimeout(15_000);
			String credentials = java.util.Base64.getEncoder()
				.encodeToString((name + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			socket.getOutputStream()
				.write(("GET /stats/states HTTP/1.0\r\nHost: localhost\r\nAuthorization: Basic " + credentials
						+ "\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void refusesToStartAManagementServerBeyondLoopbackWithoutCredentials() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(NetstatdApplication.class)
			.run("--server.port=0", "--management.server.port=0", "--management.server.address=192.0.2.1",
					"--spring.main.banner-mode=off")
			.close()).hasRootCauseInstanceOf(IllegalStateException.class)
			.rootCause()
			.hasMessageContaining("bound to 192.0.2.1, beyond loopback, and has no credentials");
	}

	@Test
	void refusesToStartBeyondLoopbackWithoutCredentials(CapturedOutput output) {
		// 192.0.2.1 (TEST-NET-1) is never bound: the check fails the start before Tomcat
		// binds
		// command-line arguments, as an operator passes them: they win over
		// application.properties
		assertThatThrownBy(() -> new SpringApplicationBuilder(NetstatdApplication.class)
			.run("--server.address=192.0.2.1", "--server.port=0", "--spring.main.banner-mode=off")
			.close()).hasRootCauseInstanceOf(IllegalStateException.class)
			.rootCause()
			.hasMessageContaining("bound to 192.0.2.1, beyond loopback, and has no credentials");
		// said once, as Spring Boot's start-up report, with no stack trace
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:" + System.lineSeparator() + System.lineSeparator()
					+ "netstatd is bound to 192.0.2.1, beyond loopback, and has no credentials: anyone who can reach "
					+ "it would see who connects to this host and which programs listen.")
			.contains("Action:" + System.lineSeparator() + System.lineSeparator()
					+ "Set netstatd.security.users (bcrypt password hashes)")
			.doesNotContain("\tat org.springframework");
	}

}
