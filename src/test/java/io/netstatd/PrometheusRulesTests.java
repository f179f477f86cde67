package io.netstatd;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rules of {@code deploy/prometheus} checked and unit-tested by Prometheus' own
 * {@code promtool}: the recording rules' sums and the alert's firing and silence, over
 * series given in {@code rules.test.yml}. (Debian's promtool is built without Kubernetes
 * discovery, so {@code prometheus.yml} is checked by the fleet test's Prometheus instead,
 * its plain-host job run for real.)
 */
class PrometheusRulesTests {

	@BeforeEach
	void needsPromtool() {
		assumeTrue(Tools.installed("promtool"), "promtool (Debian's prometheus package) is missing");
	}

	@Test
	void rulesAreValid() throws Exception {
		assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS: 8 rules found");
	}

	@Test
	void rulesPassTheirUnitTests() throws Exception {
		assertThat(promtool("test", "rules", "rules.test.yml")).contains("SUCCESS");
	}

	private static String promtool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(new File("deploy/prometheus"))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
