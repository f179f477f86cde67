package io.netstatd;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openapi.yaml}, the published contract, and the spec the running service
 * generates from its code ({@code /v3/api-docs}) must say the same: paths, operations,
 * parameters with their types and bounds, responses with their media types, and schemas
 * with their properties and required fields. Prose and examples are the published file's
 * own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContractTests {

	private static final Set<String> PROSE = Set.of("description", "summary", "example", "examples", "info", "servers",
			"tags", "operationId");

	@LocalServerPort
	int port;

	@Test
	void publishedContractMatchesTheGeneratedOne() throws IOException {
		String generated = RestAssured.given()
			.port(this.port)
			.get("/v3/api-docs")
			.then()
			.statusCode(200)
			.extract()
			.asString();
		Object published;
		try (Reader reader = Files.newBufferedReader(Path.of("openapi.yaml"))) {
			published = new Yaml().load(reader);
		}

		// JSON is YAML: one parser for both keeps numbers and lists of one kind
		assertThat(structure(published, false)).isEqualTo(structure(new Yaml().load(generated), false));
	}

	@Test
	void swaggerUiIsServed() {
		RestAssured.given().port(this.port).get("/swagger-ui/index.html").then().statusCode(200);
		RestAssured.given().port(this.port).redirects().follow(false).get("/swagger-ui.html").then().statusCode(302);
	}

	/**
	 * The document without its prose; keys under "properties" are names, kept whatever
	 * they are.
	 */
	@SuppressWarnings("unchecked")
	private static Object structure(Object node, boolean namesProperties) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> kept = new LinkedHashMap<>();
			((Map<String, Object>) map).forEach((key, value) -> {
				if (namesProperties || !PROSE.contains(key)) {
					kept.put(key, structure(value, key.equals("properties") && !namesProperties));
				}
			});
			return kept;
		}
		if (node instanceof List<?> list) {
			List<Object> kept = new ArrayList<>();
			list.forEach((item) -> kept.add(structure(item, false)));
			return kept;
		}
		return node;
	}

}
