package io.netstatd.counters;

import io.netstatd.web.ProcfsWebMvcTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /stats/protocols and /stats/sockets over the captured golden tree: exact values from
 * its files, the protocol filter, and bad input.
 */
@ProcfsWebMvcTest(properties = "netstatd.procfs.root=src/test/resources/procfs/golden")
class CountersControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void listsOnlyTheGroupsAskedForInAnyCase() {
		assertThat(this.mvc.get().uri("/stats/protocols?protocol=tcp,TcpExt,ip6")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.protocols")
			.asMap()
			.containsOnlyKeys("Tcp", "TcpExt", "Ip6");
		assertThat(this.mvc.get().uri("/stats/protocols?protocol=Tcp")).bodyJson()
			.extractingPath("$.protocols.Tcp.MaxConn")
			.isEqualTo(-1);
	}

	@Test
	void refusesAGroupThisKernelDoesNotHave() {
		assertThat(this.mvc.get().uri("/stats/protocols?protocol=Tcp,Sctp")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.parameter")
			.isEqualTo("protocol");
		assertThat(this.mvc.get().uri("/stats/protocols?protocol=Sctp")).bodyJson()
			.extractingPath("$.allowed")
			.asString()
			.startsWith("one or more of Ip, Icmp, IcmpMsg, Tcp, Udp, UdpLite, TcpExt, IpExt");
	}

	@Test
	void givesSockstatTotalsByGroup() {
		assertThat(this.mvc.get().uri("/stats/sockets")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.sockets")
			.asMap()
			.containsOnlyKeys("sockets", "TCP", "UDP", "UDPLITE", "RAW", "FRAG", "TCP6", "UDP6", "UDPLITE6", "RAW6",
					"FRAG6");
		assertThat(this.mvc.get().uri("/stats/sockets?all=true")).hasStatus(400);
	}

}
