package io.netstatd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract check itself must be able to fail, or the suites that rely on it prove
 * nothing.
 */
class OpenApiValidationFilterTests {

	private static final String SKIPPED = "\"skipped\":{\"count\":0,\"lines\":[]}";

	@Test
	void acceptsABodyThatMatchesTheContract() {
		String body = "{\"total\":0,\"ips\":[]," + SKIPPED + "}";

		assertThat(OpenApiValidationFilter.validate("/stats/top-ips", 200, "application/json", body).getMessages())
			.isEmpty();
	}

	@Test
	void rejectsAMissingRequiredField() {
		String body = "{\"ips\":[]," + SKIPPED + "}";

		assertThat(OpenApiValidationFilter.validate("/stats/top-ips", 200, "application/json", body).hasErrors())
			.isTrue();
	}

	@Test
	void rejectsAStateTheContractDoesNotName() {
		String body = "{\"total\":1,\"states\":[{\"state\":\"BOGUS\",\"count\":1}]," + SKIPPED + "}";

		assertThat(OpenApiValidationFilter.validate("/stats/states", 200, "application/json", body).hasErrors())
			.isTrue();
	}

	@Test
	void rejectsAnUndocumentedStatusOrMediaType() {
		String problem = "{\"title\":\"t\",\"status\":500,\"detail\":\"d\"}";

		assertThat(
				OpenApiValidationFilter.validate("/connections", 500, "application/problem+json", problem).hasErrors())
			.isTrue();
		assertThat(OpenApiValidationFilter.validate("/connections", 400, "text/html", problem).hasErrors()).isTrue();
	}

}
