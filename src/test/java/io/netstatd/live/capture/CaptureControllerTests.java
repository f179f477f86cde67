package io.netstatd.live.capture;

import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /capture/top-sources} as it is by default: off, a 404 naming the property; and
 * every wrong parameter a 400 naming it, before anything is captured.
 */
@WebSlice(CaptureController.class)
@Import(PacketCapture.class)
@EnableConfigurationProperties(CaptureProperties.class)
class CaptureControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void isOffUntilTurnedOn() {
		assertThat(this.mvc.get().uri("/capture/top-sources?port=80")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.property")
			.isEqualTo("netstatd.capture.enabled");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "port=70000|port|an integer from 0 to 65535",
					"packets=100001|packets|an integer from 1 to 100000", "seconds=61|seconds|an integer from 1 to 60",
					"seconds=0|seconds|an integer from 1 to 60", "protocol=icmp|protocol|one of tcp, udp",
					"direction=up|direction|one of dst, src",
					"syn=true&protocol=udp|syn|true only with protocol=tcp or no protocol",
					"limit=-1|limit|an integer from 0 to 1000", "iface=|iface|an interface's name, or any" })
	void refusesWrongParametersNamingThem(String query, String parameter, String allowed) {
		assertThat(this.mvc.get().uri("/capture/top-sources?" + query)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> {
				assertThat(body).extractingPath("$.parameter").isEqualTo(parameter);
				assertThat(body).extractingPath("$.allowed").isEqualTo(allowed);
			});
	}

}
