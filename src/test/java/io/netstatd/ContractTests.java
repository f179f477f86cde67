package io.netstatd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract has one source, the code: {@code openapi.yaml}, the published contract, is
 * what the running service generates at {@code /v3/api-docs}, to the last word of prose.
 * After a change to the API,
 * {@code ./mvnw test -Dtest=ContractTests -Dcontract.update=true} writes it anew; review
 * the diff. And what Swagger UI's "Try it out" sends, each parameter at its default and
 * nothing else, answers every operation with data.
 */
@GoldenTreeTest
@TestPropertySource(properties = "netstatd.contract.source=code")
class ContractTests {

	private static final Path PUBLISHED = Path.of("openapi.yaml");

	@LocalServerPort
	int port;

	@Test
	void publishedContractIsTheGeneratedOne() throws IOException {
		String generated = generated();
		if (Boolean.getBoolean("contract.update")) {
			Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
		}
		// parsed, so that only a difference of content fails: YAML may quote alike
		// things apart
		assertThat((Object) new Yaml().load(Files.readString(PUBLISHED)))
			.as("openapi.yaml differs from /v3/api-docs: ./mvnw test -Dtest=ContractTests -Dcontract.update=true")
			.isEqualTo(new Yaml().load(generated));
	}

	@Test
	@SuppressWarnings("unchecked")
	void noParameterCarriesAnExampleThatTryItOutWouldSend() throws IOException {
		Map<String, Object> contract = new Yaml().load(generated());
		List<Map<String, Object>> parameters = new ArrayList<>();
		((Map<String, Map<String, Map<String, Object>>>) contract.get("paths")).values()
			.forEach((methods) -> parameters
				.addAll((List<Map<String, Object>>) methods.get("get").getOrDefault("parameters", List.of())));
		assertThat(parameters).isNotEmpty().allSatisfy((parameter) -> {
			assertThat(parameter).doesNotContainKeys("example", "examples");
			assertThat((Map<String, Object>) parameter.get("schema")).doesNotContainKeys("example", "examples");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void tryItOutWithTheDefaultsAnswersWithData(String path, String query) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path + query))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "*/*")
			.build();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			if (path.equals("/top/connections") || path.equals("/stats/closed")) {
				// the captured tree is read from procfs, which has no tcp_info nor
				// destroy
				// notices: a 501 problem saying so (TopConnectionsTests and
				// KernelClosesTests answer them over sock_diag)
				assertThat(response.statusCode()).as(path + query).isEqualTo(501);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				return;
			}
			if (path.equals("/capture/top-sources")) {
				// off unless netstatd.capture.enabled: a 404 problem naming the property
				// (CaptureTests captures with it on)
				assertThat(response.statusCode()).as(path + query).isEqualTo(404);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				return;
			}
			assertThat(response.statusCode()).as(path + query).isEqualTo(200);
			// a stream's first event, or a list's opening: there is data
			String first = body.readLine();
			assertThat(first).as(path + query).isNotBlank();
			if (path.endsWith("/stream")) {
				assertThat(first).startsWith("event:");
				assertThat(body.readLine()).startsWith("data:{");
			}
			else {
				// some list or map of the body, skipped lines aside, holds something
				JsonNode json = new JsonMapper().readTree(first);
				assertThat(json.properties()).anySatisfy((field) -> assertThat(field.getKey()).isNotEqualTo("skipped"))
					.filteredOn((field) -> !field.getKey().equals("skipped") && field.getValue().isContainer())
					.anySatisfy((field) -> assertThat(field.getValue().isEmpty()).isFalse());
			}
		}
	}

	/** Every GET operation and the query Swagger UI sends for it unedited. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static List<Object[]> operations() throws IOException {
		Map<String, Object> contract = new Yaml().load(Files.readString(PUBLISHED));
		List<Object[]> operations = new ArrayList<>();
		((Map<String, Map<String, Map<String, Object>>>) (Map) contract.get("paths")).forEach((path, methods) -> {
			List<Map<String, Object>> parameters = (List<Map<String, Object>>) methods.get("get")
				.getOrDefault("parameters", List.of());
			String query = parameters.stream()
				.filter((parameter) -> ((Map<String, Object>) parameter.get("schema")).containsKey("default"))
				.map((parameter) -> parameter.get("name") + "="
						+ ((Map<String, Object>) parameter.get("schema")).get("default"))
				.collect(Collectors.joining("&"));
			operations.add(new Object[] { path, query.isEmpty() ? "" : "?" + query });
		});
		return operations;
	}

	private String generated() {
		return RestAssured.given().port(this.port).get("/v3/api-docs.yaml").then().statusCode(200).extract().asString();
	}

	@Test
	void swaggerUiIsServed() {
		RestAssured.given().port(this.port).get("/swagger-ui/index.html").then().statusCode(200);
		RestAssured.given().port(this.port).redirects().follow(false).get("/swagger-ui.html").then().statusCode(302);
	}

}
