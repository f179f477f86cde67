package io.netstatd.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list request that runs past its deadline (here none at all) is a 503 problem with
 * Retry-After, and gives its permit back; the stats, one bounded read each, still answer.
 */
@WholeServiceTest(properties = { "netstatd.procfs.root=src/test/resources/procfs/golden",
		"netstatd.limits.request-timeout=0s", "netstatd.limits.expensive-requests=1" })
class DeadlineTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void answers503WithRetryAfterPastTheDeadline() {
		for (String uri : new String[] { "/connections", "/connections?processes=true", "/listening",
				"/listening?processes=false&resolve=true" }) {
			assertThat(this.mvc.get().uri(uri)).hasStatus(503)
				.hasHeader("Retry-After", "1")
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.title")
				.isEqualTo("Deadline exceeded");
		}
		assertThat(this.mvc.get().uri("/connections")).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request ran past its deadline of 0 ms while reading the sockets; the host is busy or "
					+ "very large. Try again, or ask for less (processes=false, a filter).");
		assertThat(this.mvc.get().uri("/stats/states")).hasStatus(200);
	}

}
