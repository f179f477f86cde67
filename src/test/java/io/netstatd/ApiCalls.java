package io.netstatd;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Calls the live suites make: a GET that must answer 200 as openapi.yaml says. */
final class ApiCalls {

	private ApiCalls() {
	}

	/**
	 * The JSON body of a GET to {@code path} on RestAssured's port, checked by the
	 * contract.
	 */
	static JsonPath getJson(String path) {
		return RestAssured.given()
			.filter(new OpenApiValidationFilter())
			.get(path)
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

}
