package io.netstatd.views.counters;

import io.netstatd.GoldenTree;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /stats/protocols and /stats/sockets over the captured golden tree: exact values from
 * its files, the protocol filter, and bad input.
 */
@WebSlice(CountersController.class)
@Import(CountersControllerTests.GoldenCounters.class)
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

	@Test
	void printsSockstatsLinesAndNetstatSsLayout() {
		assertThat(this.mvc.get().uri("/stats/sockets?format=table")).hasStatus(200)
			.bodyText()
			.startsWith("sockets: used 8\nTCP: inuse 1 orphan 0 tw 56428 alloc 1 mem 238\nUDP: inuse 0 mem 0\n");
		assertThat(this.mvc.get().uri("/stats/protocols?protocol=Tcp&format=table")).hasStatus(200)
			.hasBodyTextEqualTo("""
					Tcp:
					    RtoAlgorithm: 1
					    RtoMin: 200
					    RtoMax: 120000
					    MaxConn: -1
					    ActiveOpens: 1062301
					    PassiveOpens: 1062071
					    AttemptFails: 160
					    EstabResets: 440
					    CurrEstab: 20128
					    InSegs: 7489901
					    OutSegs: 7488863
					    RetransSegs: 395
					    InErrs: 0
					    OutRsts: 577
					    InCsumErrors: 0
					""");
		assertThat(this.mvc.get().uri("/stats/protocols?protocol=Tcp&format=csv")).hasStatus(200)
			.bodyText()
			.startsWith("group,name,value\r\nTcp,RtoAlgorithm,1\r\n");
	}

	/** The fixture source: the counter files of the captured tree. */
	@TestConfiguration(proxyBeanMethods = false)
	static class GoldenCounters {

		@Bean
		CountersRepository counters() {
			ProcfsProperties tree = new ProcfsProperties(GoldenTree.ROOT);
			return new CountersRepository(tree, new SkippedLineCounter(tree));
		}

		@Bean
		NamespaceScanner namespaces() {
			return new NamespaceScanner(new ProcfsProperties(GoldenTree.ROOT));
		}

	}

}
