package io.netstatd.views.counters;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.netstatd.ApiCalls;
import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel's counters as the service gives them agree with iproute2's {@code nstat}
 * (which reads the same files and names each counter group + name) and with
 * {@code netstat -s}'s Tcp lines: each lies between the service's readings before and
 * after (counters only grow).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KernelCountersTests {

	/** Counters that are levels, not totals: they may fall between two readings. */
	private static final Set<String> LEVELS = Set.of("TcpCurrEstab");

	@LocalServerPort
	int port;

	@BeforeEach
	void point() {
		RestAssured.port = this.port;
	}

	@Test
	void protocolCountersAgreeWithNstat() {
		assumeTrue(Tools.installed("nstat"), "nstat (iproute2) is not installed");
		Map<String, Long> before = flat(ApiCalls.getJson("/stats/protocols"));
		String nstat = Tools.run("nstat -asz");
		Map<String, Long> after = flat(ApiCalls.getJson("/stats/protocols"));

		int compared = 0;
		for (String line : nstat.split("\n")) {
			String[] words = line.trim().split("\\s+");
			if (words.length < 2 || line.startsWith("#")) {
				continue;
			}
			String name = words[0];
			long value = Long.parseLong(words[1]);
			assertThat(before).as("the service has %s", name).containsKey(name);
			if (!LEVELS.contains(name)) {
				assertThat(value).as(name).isBetween(before.get(name), after.get(name));
			}
			compared++;
		}
		assertThat(compared).isGreaterThan(100);
	}

	/**
	 * netstat -s's prose for the Tcp group (net-tools statistics.c), each line the
	 * counter it prints.
	 */
	@Test
	void tcpCountersAgreeWithNetstatS() {
		assumeTrue(Tools.installed("netstat"), "netstat (net-tools) is not installed");
		Map<String, String> prose = Map.of("active connection openings", "TcpActiveOpens",
				"passive connection openings", "TcpPassiveOpens", "failed connection attempts", "TcpAttemptFails",
				"connection resets received", "TcpEstabResets", "segments received", "TcpInSegs", "segments sent out",
				"TcpOutSegs", "segments retransmitted", "TcpRetransSegs", "bad segments received", "TcpInErrs",
				"resets sent", "TcpOutRsts");
		Map<String, Long> before = flat(ApiCalls.getJson("/stats/protocols?protocol=Tcp"));
		String netstat = Tools.run("netstat -s | sed -n '/^Tcp:/,/^[A-Z]/p'");
		Map<String, Long> after = flat(ApiCalls.getJson("/stats/protocols?protocol=Tcp"));

		int compared = 0;
		for (String line : netstat.split("\n")) {
			String trimmed = line.trim();
			int space = trimmed.indexOf(' ');
			String counter = (space > 0) ? prose.get(trimmed.substring(space + 1)) : null;
			if (counter != null) {
				assertThat(Long.parseLong(trimmed.substring(0, space))).as(trimmed)
					.isBetween(before.get(counter), after.get(counter));
				compared++;
			}
		}
		assertThat(compared).isEqualTo(prose.size());
	}

	@Test
	void socketTotalsHaveSockstatsGroups() {
		JsonPath body = ApiCalls.getJson("/stats/sockets");
		// the test's JVM holds sockets, so these are never empty
		assertThat(body.getLong("sockets.sockets.used")).isPositive();
		assertThat(body.getMap("sockets.TCP")).containsKeys("inuse", "orphan", "tw", "alloc", "mem");
		assertThat(body.getInt("skipped.count")).isZero();
	}

	/** nstat's names: the group then the counter (snmp6's groups end in 6). */
	private static Map<String, Long> flat(JsonPath body) {
		Map<String, Map<String, Number>> groups = body.getMap("protocols");
		Map<String, Long> flat = new HashMap<>();
		groups
			.forEach((group, counters) -> counters.forEach((name, value) -> flat.put(group + name, value.longValue())));
		return flat;
	}

}
