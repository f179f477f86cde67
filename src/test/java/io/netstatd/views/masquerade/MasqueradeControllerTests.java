package io.netstatd.views.masquerade;

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
 * {@code /masquerade} over the captured tree's conntrack table: the NAT'd connections, as
 * a table and CSV.
 */
@WebSlice(MasqueradeController.class)
@Import(MasqueradeControllerTests.GoldenConntrack.class)
class MasqueradeControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void printsARowPerRewrittenConnection() {
		assertThat(this.mvc.get().uri("/masquerade?format=table")).hasStatus(200).hasBodyTextEqualTo("""
				prot expire original                          reply                             nat  state
				tcp  431999 10.88.0.5:51234>93.184.216.34:443 93.184.216.34:443>192.0.2.2:51234 SNAT ESTABLISHED
				udp  28     10.88.0.5:40000>1.1.1.1:53        1.1.1.1:53>192.0.2.2:40000        SNAT
				tcp  86399  203.0.113.7:55000>192.0.2.2:8080  10.88.0.9:80>203.0.113.7:55000    DNAT ESTABLISHED
				icmp 29     10.88.0.5>8.8.8.8                 8.8.8.8>192.0.2.2                 SNAT
				tcp  431999 [fd00::5]:41000>[2001:db8::1]:443 [2001:db8::1]:443>[fd00::2]:41000 SNAT ESTABLISHED
				tcp  120    10.88.0.7:33000>198.51.100.1:22   198.51.100.1:22>192.0.2.2:33000   SNAT SYN_SENT
				""");
		assertThat(this.mvc.get().uri("/masquerade?format=csv")).hasStatus(200)
			.bodyText()
			.contains("\r\nipv4,icmp,29,,10.88.0.5,,8.8.8.8,,8.8.8.8,,192.0.2.2,,true,false,false,false,0,0\r\n");
	}

	/** The fixture source: the captured tree's nf_conntrack. */
	@TestConfiguration(proxyBeanMethods = false)
	static class GoldenConntrack {

		@Bean
		ConntrackRepository conntrack() {
			ProcfsProperties tree = new ProcfsProperties(GoldenTree.ROOT);
			return new ConntrackRepository(tree, new SkippedLineCounter(tree));
		}

	}

}
