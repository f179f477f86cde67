package io.netstatd.export.metrics;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bucket bounds rewritten from {@code Double.toString}'s notation to plain decimals, and
 * nothing else touched.
 */
class PlainBoundsScrapeEndpointTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a_bucket{le=\"1.0E-4\"} 0|a_bucket{le=\"0.0001\"} 0",
			"a_bucket{port=\"80\",le=\"5.0E-4\"} 1|a_bucket{port=\"80\",le=\"0.0005\"} 1",
			"a_bucket{le=\"2.5E-5\"} 3|a_bucket{le=\"0.000025\"} 3",
			"a_bucket{le=\"1.0E7\"} 3|a_bucket{le=\"10000000\"} 3", "a_bucket{le=\"0.001\"} 2|a_bucket{le=\"0.001\"} 2",
			"a_bucket{le=\"+Inf\"} 3|a_bucket{le=\"+Inf\"} 3", "a{remote=\"1.0E-4\"} 1|a{remote=\"1.0E-4\"} 1",
			"a 1.0E-4|a 1.0E-4" })
	void writesBoundsAsPromqlUsersTypeThem(String written, String expected) {
		assertThat(new String(PlainBoundsScrapeEndpoint.plainBounds(written.getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8))
			.isEqualTo(expected);
	}

}
