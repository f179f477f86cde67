package io.netstatd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * netstat's other views on this machine, against the service reading the real /proc and
 * /sys: {@code netstat -ia}, {@code -i}, {@code -rn}, {@code -6rn}, {@code -gn}. What is
 * stable is compared exactly (names, MTUs, flags, routes, groups); counters only grow, so
 * netstat's must lie between two readings of the service taken around it. Skipped where
 * net-tools is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostViewsTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void point() {
		RestAssured.port = this.port;
		assumeTrue(Tools.installed("netstat"), "netstat (net-tools) is not installed");
	}

	@Test
	void interfacesAgreeWithNetstatI() {
		List<Map<String, Object>> before = ApiCalls.getJson("/interfaces").getList("interfaces");
		List<String[]> all = rows(Tools.run("netstat -ia"), 2);
		List<String[]> up = rows(Tools.run("netstat -i"), 2);
		List<Map<String, Object>> after = ApiCalls.getJson("/interfaces").getList("interfaces");

		assertThat(before).extracting((i) -> i.get("name"))
			.containsExactlyInAnyOrderElementsOf(all.stream().map((row) -> row[0]).toList());
		assertThat(before.stream().filter((i) -> (Boolean) i.get("up")).map((i) -> i.get("name")))
			.containsExactlyInAnyOrderElementsOf(up.stream().map((row) -> row[0]).toList());
		Map<String, Map<String, Object>> first = byName(before);
		Map<String, Map<String, Object>> second = byName(after);
		String[] columns = { "rxOk", "rxErrors", "rxDropped", "rxOverruns", "txOk", "txErrors", "txDropped",
				"txOverruns" };
		for (String[] row : all) {
			Map<String, Object> service = first.get(row[0]);
			assertThat(service.get("mtu")).as(row[0] + " MTU").isEqualTo(Integer.parseInt(row[1]));
			assertThat(service.get("flags")).as(row[0] + " flags").isEqualTo(row[10]);
			for (int c = 0; c < columns.length; c++) {
				assertThat(Long.parseLong(row[2 + c])).as(row[0] + " " + columns[c])
					.isBetween(number(service.get(columns[c])), number(second.get(row[0]).get(columns[c])));
			}
		}
	}

	/**
	 * The text stands for {@code netstat -ia}, which lists interfaces in net-tools' name
	 * order ({@code nstrcmp}: eth0, ifb0, ifb1, lo), not the kernel's (lo first).
	 */
	@Test
	void interfacesTableKeepsNetstatsRowOrder() {
		List<String> netstat = rows(Tools.run("netstat -ia"), 2).stream().map((row) -> row[0]).toList();
		List<String> ours = rows(
				ApiCalls.given().get("/interfaces?format=table").then().statusCode(200).extract().asString(), 2)
			.stream()
			.map((row) -> row[0])
			.toList();

		assertThat(ours).isEqualTo(netstat);
	}

	@Test
	void ipv4RoutesEqualNetstatRn() {
		List<Map<String, Object>> routes = ApiCalls.getJson("/routes?family=inet").getList("routes");
		List<String[]> netstat = rows(Tools.run("netstat -rn"), 2);

		List<List<String>> service = new ArrayList<>();
		for (Map<String, Object> route : routes) {
			service.add(List.of((String) route.get("destination"), (String) route.get("gateway"),
					(String) route.get("mask"), (String) route.get("flags"), route.get("mss").toString(),
					route.get("window").toString(), route.get("irtt").toString(), (String) route.get("iface")));
		}
		assertThat(service).isEqualTo(netstat.stream().map(List::of).toList());
	}

	@Test
	void ipv6RoutesEqualNetstat6rn() {
		List<Map<String, Object>> routes = ApiCalls.getJson("/routes?family=inet6").getList("routes");
		assumeTrue(!routes.isEmpty(), "IPv6 is off here");
		List<String[]> netstat = rows(Tools.run("netstat -6rn"), 2);

		List<List<String>> service = new ArrayList<>();
		for (Map<String, Object> route : routes) {
			// netstat prints the unsigned metric with %d; Use moves, so it is left out
			service
				.add(List.of(route.get("destination") + "/" + route.get("prefixLength"), (String) route.get("gateway"),
						(String) route.get("flags"), Integer.toString((int) number(route.get("metric"))),
						route.get("refCount").toString(), (String) route.get("iface")));
		}
		assertThat(service)
			.isEqualTo(netstat.stream().map((row) -> List.of(row[0], row[1], row[2], row[3], row[4], row[6])).toList());
	}

	@Test
	void groupsEqualNetstatGn() {
		List<Map<String, Object>> memberships = ApiCalls.getJson("/multicast").getList("memberships");
		List<String[]> netstat = rows(Tools.run("netstat -gn"), 3);

		Set<List<String>> service = new HashSet<>();
		for (Map<String, Object> membership : memberships) {
			service.add(List.of((String) membership.get("iface"), membership.get("users").toString(),
					(String) membership.get("group")));
		}
		assertThat(service).isEqualTo(new HashSet<>(netstat.stream().map(List::of).toList()));
	}

	@Test
	void masqueradeAnswersWhatTheKernelTracksOr404() {
		var response = RestAssured.given().filter(new OpenApiValidationFilter()).get("/masquerade");
		if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/net/nf_conntrack"))) {
			response.then().statusCode(200);
		}
		else {
			response.then().statusCode(404).contentType("application/problem+json");
		}
	}

	private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> interfaces) {
		Map<String, Map<String, Object>> byName = new HashMap<>();
		interfaces.forEach((i) -> byName.put((String) i.get("name"), i));
		return byName;
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	/** netstat's rows after its header lines, split on blanks. */
	private static List<String[]> rows(String output, int headers) {
		List<String[]> rows = new ArrayList<>();
		String[] lines = output.split("\n");
		for (int i = headers; i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				rows.add(lines[i].trim().split("\\s+"));
			}
		}
		return rows;
	}

}
