package io.netstatd.views.multicast;

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
 * {@code /multicast} over the captured tree: what {@code netstat -gn} prints.
 */
@WebSlice(MulticastController.class)
@Import(MulticastControllerTests.GoldenGroups.class)
class MulticastControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void printsNetstatsGroupMemberships() {
		assertThat(this.mvc.get().uri("/multicast?format=table")).hasStatus(200).hasBodyTextEqualTo("""
				IPv6/IPv4 Group Memberships
				Interface       RefCnt Group
				--------------- ------ ---------------------
				lo              1      224.0.0.1
				eth0            1      224.0.0.1
				lo              1      ff02::1
				lo              1      ff01::1
				ifb0            1      ff02::1
				ifb0            1      ff01::1
				ifb1            1      ff02::1
				ifb1            1      ff01::1
				eth0            1      ff02::1:ff00:2
				eth0            1      ff02::1:ff00:1
				eth0            1      ff02::1
				eth0            1      ff01::1
				""");
		assertThat(this.mvc.get().uri("/multicast?format=csv")).hasStatus(200)
			.bodyText()
			.startsWith("family,iface,index,group,users\r\ninet,lo,1,224.0.0.1,1\r\n");
	}

	/** The fixture source: the captured tree's igmp files. */
	@TestConfiguration(proxyBeanMethods = false)
	static class GoldenGroups {

		@Bean
		MulticastRepository multicast() {
			ProcfsProperties tree = new ProcfsProperties(GoldenTree.ROOT);
			return new MulticastRepository(tree, new SkippedLineCounter(tree));
		}

	}

}
