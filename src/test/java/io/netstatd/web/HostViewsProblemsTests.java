package io.netstatd.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * netstat's other views over a tree that has none of their files: what every kernel has
 * (dev, route) is a 503 naming the file; conntrack, which only a kernel with the module
 * has, a 404 saying so; multicast, which a kernel may lack, an empty list.
 */
@WholeServiceTest(properties = { "netstatd.procfs.root=src/test/resources/procfs/traps",
		"netstatd.sysfs.root=src/test/resources/sysfs/golden" })
class HostViewsProblemsTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void saysConntrackIsNotThere() {
		assertThat(this.mvc.get().uri("/masquerade")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("This kernel tracks no connections: src/test/resources/procfs/traps/net/nf_conntrack does not "
					+ "exist (the nf_conntrack module is not loaded), so there is no NAT to show.");
	}

	@Test
	void namesTheMissingFile() {
		assertThat(this.mvc.get().uri("/interfaces")).hasStatus(503)
			.bodyJson()
			.extractingPath("$.file")
			.isEqualTo("src/test/resources/procfs/traps/net/dev");
		assertThat(this.mvc.get().uri("/routes")).hasStatus(503)
			.bodyJson()
			.extractingPath("$.file")
			.isEqualTo("src/test/resources/procfs/traps/net/route");
	}

	@Test
	void findsNoGroupsWithoutMulticast() {
		assertThat(this.mvc.get().uri("/multicast")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.memberships")
			.asArray()
			.isEmpty();
	}

	@Test
	void refusesAFamilyItDoesNotKnow() {
		assertThat(this.mvc.get().uri("/routes?family=inet4")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.allowed")
			.isEqualTo("one of inet, inet6");
		assertThat(this.mvc.get().uri("/interfaces?name=eth0")).hasStatus(400);
	}

}
