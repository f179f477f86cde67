package io.netstatd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springdoc.core.service.OpenAPIService;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service answers {@code /v3/api-docs} and Swagger UI with the committed
 * contract (which {@link ContractTests} proves equal to what the code generates), and
 * never builds it from the code: no first caller waits for springdoc's walk of every
 * controller.
 */
@GoldenTreeTest
class CommittedContractTests {

	@LocalServerPort
	int port;

	@Autowired
	OpenAPIService openApi;

	@Test
	void servesTheCommittedContractWithoutGeneratingIt() throws IOException {
		String json = RestAssured.given()
			.port(this.port)
			.get("/v3/api-docs")
			.then()
			.statusCode(200)
			.extract()
			.asString();
		String yaml = RestAssured.given()
			.port(this.port)
			.get("/v3/api-docs.yaml")
			.then()
			.statusCode(200)
			.extract()
			.asString();
		String committed = Files.readString(Path.of("openapi.yaml"));

		assertThat(yaml).isEqualTo(committed);
		assertThat(new JsonMapper().readValue(json, Object.class)).isEqualTo(new Yaml().load(committed));
		assertThat(this.openApi.getCachedOpenAPI(Locale.getDefault())).as("springdoc built no model").isNull();
		assertThat(this.openApi.getCachedOpenAPI(Locale.ENGLISH)).isNull();
	}

}
