package io.netstatd.web;

import io.netstatd.support.limits.ExpensiveRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the bound of expensive requests held full, they get a fast 503 with Retry-After;
 * the cheap views still answer.
 */
@WholeServiceTest(properties = { "netstatd.procfs.root=src/test/resources/procfs/golden",
		"netstatd.limits.expensive-requests=2" })
class ExpensiveRequestsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ExpensiveRequests limit;

	private int held;

	@AfterEach
	void releaseWhatTheTestHeld() {
		for (; this.held > 0; this.held--) {
			this.limit.release();
		}
	}

	@Test
	void answersFastWith503AndRetryAfterWhenTheBoundIsFull() {
		hold(2);

		assertThat(this.mvc.get().uri("/connections")).hasStatus(503)
			.hasHeader("Retry-After", "1")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Too busy");
		assertThat(this.mvc.get().uri("/listening")).hasStatus(503);
		assertThat(this.mvc.get().uri("/listening?processes=false")).hasStatus(200);
		assertThat(this.mvc.get().uri("/stats/states")).hasStatus(200);
		assertThat(this.mvc.get().uri("/connections?prot=tcp")).hasStatus(400);
	}

	@Test
	void givesThePermitBackAfterEachRequest() {
		hold(1);

		for (int i = 0; i < 5; i++) {
			assertThat(this.mvc.get().uri("/connections")).hasStatus(200);
		}
		assertThat(this.mvc.get().uri("/connections?port=abc")).hasStatus(400);
		assertThat(this.limit.tryAcquire()).isTrue();
		this.held++;
	}

	private void hold(int permits) {
		for (int i = 0; i < permits; i++) {
			assertThat(this.limit.tryAcquire()).isTrue();
			this.held++;
		}
	}

}
