package io.netstatd.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * procfs that is not where it is configured: every endpoint answers 503 naming the file.
 */
@WholeServiceTest(properties = "netstatd.procfs.root=target/no-procfs-here")
class ProcfsFailureTests {

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/connections", "/listening", "/stats/states", "/stats/top-ips?port=80" })
	void answers503NamingTheFile(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat()
					.extractingPath("$.detail")
					.isEqualTo("cannot read target/no-procfs-here/net/tcp: no such file");
				json.assertThat().extractingPath("$.file").isEqualTo("target/no-procfs-here/net/tcp");
			});
	}

}
