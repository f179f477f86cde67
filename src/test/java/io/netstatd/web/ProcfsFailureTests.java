package io.netstatd.web;

import io.netstatd.socket.SocketService;
import io.netstatd.socket.procfs.ProcfsProperties;
import io.netstatd.socket.procfs.ProcfsSocketRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * procfs that is not where it is configured: every endpoint answers 503 naming the file.
 */
@WebMvcTest(properties = "netstatd.procfs.root=target/no-procfs-here")
@Import({ SocketService.class, ProcfsSocketRepository.class })
@EnableConfigurationProperties(ProcfsProperties.class)
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
