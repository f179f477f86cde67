package io.netstatd.web;

import io.netstatd.kernel.names.ReverseLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text forms over the captured tree: what the awk recipes print, a netstat table,
 * CSV.
 */
@WholeServiceTest(properties = { "netstatd.procfs.root=src/test/resources/procfs/golden",
		"netstatd.passwd-file=src/test/resources/etc/passwd", "netstatd.names.timeout=300ms",
		"netstatd.names.services-file=src/test/resources/etc/services" })
@Import(TextFormatsTests.StubResolver.class)
class TextFormatsTests {

	@Test
	@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void namesHostsAndServicesWithinTheDeadline() {
		// a guard against a hang, not a timing assertion: the stub never answers for
		// 127.0.0.4
		assertThat(this.mvc.get().uri("/connections?format=table&localPort=18082&resolve=true")).hasStatus(200)
			.hasBodyTextEqualTo("""
					Proto Recv-Q Send-Q Local Address  Foreign Address State       User Inode Timer
					tcp6  0      0      :::ncsd        :::*            LISTEN      root 6572  off (0.00/0/0)
					tcp6  0      0      localhost:ncsd 127.0.0.4:48529 ESTABLISHED root 6574  off (0.00/0/0)
					tcp6  0      0      localhost:ncsd 127.0.0.4:39811 TIME_WAIT   root 0     timewait (54.92/0/0)
					""");
		assertThat(this.mvc.get().uri("/connections?localPort=18082&resolve=true")).hasStatus(200)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.resolution.complete").isEqualTo(false);
				json.assertThat().extractingPath("$.resolution.unresolved").isEqualTo(1);
				json.assertThat().extractingPath("$.connections[1].localHost").isEqualTo("localhost");
				json.assertThat().extractingPath("$.connections[1].localService").isEqualTo("ncsd");
			});
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void printsStateCountsAsTheRecipeDoes() {
		assertThat(this.mvc.get().uri("/stats/states").accept(MediaType.TEXT_PLAIN)).hasStatus(200)
			.hasContentType("text/plain;charset=UTF-8")
			.hasBodyTextEqualTo("     12 TIME_WAIT\n      6 ESTABLISHED\n      4 LISTEN\n");
		assertThat(this.mvc.get().uri("/stats/states?format=table&protocol=tcp6")).hasStatus(200)
			.hasBodyTextEqualTo("      3 TIME_WAIT\n      3 ESTABLISHED\n      2 LISTEN\n");
	}

	@Test
	void printsTopIpsAsTheRecipeDoesTiesInSortsOrder() {
		// sort -nr puts equal counts in reverse byte order of the line: 127.0.0.4 before
		// .3
		assertThat(this.mvc.get().uri("/stats/top-ips?format=table")).hasStatus(200)
			.hasBodyTextEqualTo(
					"     10 127.0.0.1\n      3 ::1\n      2 127.0.0.4\n      2 127.0.0.3\n      1 127.0.0.2\n");
	}

	@Test
	void printsANetstatTable() {
		assertThat(this.mvc.get().uri("/connections?format=table&port=18082")).hasStatus(200).hasBodyTextEqualTo("""
				Proto Recv-Q Send-Q Local Address   Foreign Address State       User Inode Timer
				tcp   0      0      127.0.0.4:48529 127.0.0.1:18082 ESTABLISHED root 6573  off (0.00/0/0)
				tcp6  0      0      :::18082        :::*            LISTEN      root 6572  off (0.00/0/0)
				tcp6  0      0      127.0.0.1:18082 127.0.0.4:48529 ESTABLISHED root 6574  off (0.00/0/0)
				tcp6  0      0      127.0.0.1:18082 127.0.0.4:39811 TIME_WAIT   root 0     timewait (54.92/0/0)
				""");
	}

	@Test
	void writesCsvForSpreadsheets() {
		assertThat(this.mvc.get().uri("/stats/top-ips?port=18080").accept("text/csv")).hasStatus(200)
			.hasContentType("text/csv;charset=UTF-8")
			.hasBodyTextEqualTo("ip,count\r\n127.0.0.3,2\r\n127.0.0.2,1\r\n");
		assertThat(this.mvc.get().uri("/connections?format=csv&protocol=udp")).hasStatus(200)
			.hasBodyTextEqualTo("protocol,localAddress,localPort,remoteAddress,remotePort,state,recvQ,sendQ,uid,user,"
					+ "inode,timerKind,timerExpiresSeconds,timerRetransmits,timerProbes,processes\r\n"
					+ "udp,127.0.0.1,18083,0.0.0.0,0,UNCONN,832,0,0,root,6575,off,0.0,0,0,\r\n"
					+ "udp,127.0.0.5,18084,127.0.0.1,18083,ESTABLISHED,0,0,0,root,6576,off,0.0,0,0,\r\n");
	}

	@Test
	void keepsJsonTheDefault() {
		assertThat(this.mvc.get().uri("/stats/states")).hasStatus(200).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(this.mvc.get().uri("/stats/states").accept("*/*")).hasContentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void answersErrorsAsProblemsWhateverTheTextAsked() {
		assertThat(this.mvc.get().uri("/connections?format=table&port=abc")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** 127.0.0.1 is localhost; every other address never gets an answer. */
	@TestConfiguration
	static class StubResolver {

		static final java.util.concurrent.CountDownLatch NEVER = new java.util.concurrent.CountDownLatch(1);

		@Bean
		ReverseLookup reverseLookup() {
			return (address) -> {
				if (address.toString().equals("127.0.0.1")) {
					return "localhost";
				}
				try {
					NEVER.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return null;
			};
		}

	}

}
