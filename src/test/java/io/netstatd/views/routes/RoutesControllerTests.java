package io.netstatd.views.routes;

import io.netstatd.GoldenTree;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /routes} over the captured tree: what {@code netstat -rn} and
 * {@code netstat -6rn} print, column for column; {@code family} keeps one table.
 */
@WebSlice(RoutesController.class)
@Import(RoutesControllerTests.GoldenRoutes.class)
class RoutesControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void printsNetstatsRoutingTables() {
		assertThat(this.mvc.get().uri("/routes?format=table")).hasStatus(200).hasBodyTextEqualTo("""
				Kernel IP routing table
				Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface
				0.0.0.0         192.0.2.1       0.0.0.0         UG        0 0          0 eth0
				192.0.2.0       0.0.0.0         255.255.255.0   U         0 0          0 eth0
				Kernel IPv6 routing table
				Destination                    Next Hop                   Flag Met Ref  Use If
				fd00::/64                      ::                         U    256 1      0 eth0
				fe80::/64                      ::                         U    256 2      0 eth0
				::/0                           fd00::1                    UG   1024 3      0 eth0
				::1/128                        ::                         Un   0   4      0 lo
				fd00::2/128                    ::                         Un   0   3      0 eth0
				fe80::fc:ff:fe00:1/128         ::                         Un   0   2      0 eth0
				ff00::/8                       ::                         U    256 3      0 eth0
				::/0                           ::                         !n   -1  1      0 lo
				""");
	}

	@Test
	void keepsOneFamilyInAnyCase() {
		assertThat(this.mvc.get().uri("/routes?family=INET6&format=table")).hasStatus(200)
			.bodyText()
			.startsWith("Kernel IPv6 routing table\n");
		assertThat(this.mvc.get().uri("/routes?family=inet")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.routes[*].family")
			.isEqualTo(java.util.List.of("inet", "inet"));
	}

	/** The fixture source: the captured tree's route files. */
	@TestConfiguration(proxyBeanMethods = false)
	static class GoldenRoutes {

		@Bean
		RoutesRepository routes() {
			ProcfsProperties tree = new ProcfsProperties(GoldenTree.ROOT);
			return new RoutesRepository(tree, new SkippedLineCounter(tree));
		}

	}

}
