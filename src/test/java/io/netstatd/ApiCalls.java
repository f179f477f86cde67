package io.netstatd;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Calls the live suites make: a GET that must answer 200 as openapi.yaml says. */
public final class ApiCalls {

	private ApiCalls() {
	}

	/**
	 * A request on RestAssured's port, its query sent as written, its answer checked by
	 * the contract.
	 * @return the request
	 */
	public static RequestSpecification given() {
		return RestAssured.given().urlEncodingEnabled(false).filter(new OpenApiValidationFilter());
	}

	/**
	 * The JSON body of a GET to {@code path} on RestAssured's port, checked by the
	 * contract.
	 */
	public static JsonPath getJson(String path) {
		return RestAssured.given()
			.filter(new OpenApiValidationFilter())
			.get(path)
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

}
