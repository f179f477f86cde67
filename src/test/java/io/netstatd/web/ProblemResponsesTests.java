package io.netstatd.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every wrong request gets a problem ({@code application/problem+json}) that names what
 * is wrong and what is allowed. The web slice runs over a fixture procfs tree.
 */
@WholeServiceTest(properties = "netstatd.procfs.root=src/test/resources/procfs/golden")
class ProblemResponsesTests {

	private static final String STATES = "ESTABLISHED, SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSE, "
			+ "CLOSE_WAIT, LAST_ACK, LISTEN, CLOSING, UNCONN, UNKNOWN, ESTAB, SYN-SENT, SYN-RECV, FIN-WAIT-1, "
			+ "FIN-WAIT-2, TIME-WAIT, CLOSE-WAIT, LAST-ACK, closed, listening, all, connected, synchronized, bucket, big";

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/connections?port=abc | port | Invalid value 'abc' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?port=70000 | port | Invalid value '70000' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?port=0x50 | port | Invalid value '0x50' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?port= | port | Invalid value '' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?port=80,,443 | port | Invalid value '' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?localPort=-1 | localPort | Invalid value '-1' for parameter 'localPort': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?remotePort=1e3 | remotePort | Invalid value '1e3' for parameter 'remotePort': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?protocol=sctp9 | protocol | Invalid value 'sctp9' for parameter 'protocol': expected one or more of tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6, unix, comma-separated.
					/listening?port=99999 | port | Invalid value '99999' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/stats/states?protocol=udp | protocol | Invalid value 'udp' for parameter 'protocol': expected one or more of tcp, tcp6, comma-separated.
					/stats/states?port=http | port | Invalid value 'http' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/stats/top-ips?limit=-1 | limit | Invalid value '-1' for parameter 'limit': expected an integer from 0 to 1000.
					/stats/top-ips?limit=1001 | limit | Invalid value '1001' for parameter 'limit': expected an integer from 0 to 1000.
					/stats/top-ips?limit=5&limit=6 | limit | Parameter 'limit' is given 2 times: it takes one value, an integer from 0 to 1000.
					/connections?family=ipv4 | family | Invalid value 'ipv4' for parameter 'family': expected one of inet, inet6.
					/connections?processes=yes | processes | Invalid value 'yes' for parameter 'processes': expected true or false.
					/connections?port=90-80 | port | Invalid value '90-80' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated.
					/connections?remoteAddress=example.com | remoteAddress | Invalid value 'example.com' for parameter 'remoteAddress': expected IPv4 or IPv6 addresses and CIDR blocks such as 10.0.0.0/8 or 2001:db8::/32 (no host names), comma-separated.
					/connections?localAddress=10.0.0.0/33 | localAddress | Invalid value '10.0.0.0/33' for parameter 'localAddress': expected IPv4 or IPv6 addresses and CIDR blocks such as 10.0.0.0/8 or 2001:db8::/32 (no host names), comma-separated.
					/connections?sort=-rcvQ | sort | Invalid value '-rcvQ' for parameter 'sort': expected one or more of protocol, localAddress, localPort, remoteAddress, remotePort, state, recvQ, sendQ, uid, inode, rtt, rttVar, minRtt, rto, cwnd, retransmits, totalRetransmits, lost, unacked, bytesSent, bytesAcked, bytesReceived, bytesRetransmitted, segsOut, segsIn, deliveryRate, notSentBytes, lastSend, lastReceive, each with a leading - for descending, comma-separated.
					/connections?limit=-1 | limit | Invalid value '-1' for parameter 'limit': expected an integer from 0 to 1000000.
					/connections?format=xml | format | Invalid value 'xml' for parameter 'format': expected one of json, table, csv.
					/stats/states?format=yaml | format | Invalid value 'yaml' for parameter 'format': expected one of json, table, csv.
					/routes?format=xml | format | Invalid value 'xml' for parameter 'format': expected one of json, table, csv.
					/connections?pid=12ab | pid | Invalid value '12ab' for parameter 'pid': expected integers from 1 to 2147483647, comma-separated.
					/connections?program=nginx, | program | Invalid value '' for parameter 'program': expected names, comma-separated, none empty.
					/connections?netns=self | netns | Invalid value 'self' for parameter 'netns': expected a process id (the network namespace that process lives in), or all.
					/stats/protocols?netns=all | netns | The kernel's counters are asked one network namespace at a time: netns=all is for socket lists and state counts; /namespaces lists the namespaces and a process in each.
					/connections?prot=tcp | prot | Unknown parameter 'prot': /connections accepts family, format, info, limit, localAddress, localPort, memory, netns, pid, pod, podNamespace, port, processes, program, protocol, remoteAddress, remotePort, resolve, sort, state.
					/listening?sate=LISTEN | sate | Unknown parameter 'sate': /listening accepts family, format, info, limit, localAddress, localPort, memory, netns, pid, pod, podNamespace, port, processes, program, protocol, remoteAddress, remotePort, resolve, sort, state.
					/stats/top-ips?port=80&limt=5 | limt | Unknown parameter 'limt': /stats/top-ips accepts format, limit, localAddress, netns, port, remoteAddress.
					/interfaces?family=inet | family | Unknown parameter 'family': /interfaces accepts format.
					""")
	void rejectsInvalidParameters(String uri, String parameter, String detail) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.detail").isEqualTo(detail);
				json.assertThat().extractingPath("$.parameter").isEqualTo(parameter);
				json.assertThat().extractingPath("$.status").isEqualTo(400);
				json.assertThat().extractingPath("$.title").isEqualTo("Invalid parameter");
			});
	}

	@Test
	void rejectsAnUnknownStateNamingEveryAllowedOne() {
		assertThat(this.mvc.get().uri("/connections?state=ESTABLISHED,BOGUS")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Invalid value 'BOGUS' for parameter 'state': expected one or more of " + STATES
					+ ", comma-separated.");
	}

	@Test
	void answersAnUnknownPathWith404Problem() {
		assertThat(this.mvc.get().uri("/conections")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.instance")
			.isEqualTo("/conections");
	}

	@Test
	void answersOtherMethodsWith405Problem() {
		assertThat(this.mvc.post().uri("/connections")).hasStatus(405)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Method 'POST' is not supported: only GET and HEAD are served.");
	}

	@Test
	void narrowsToOneFamily() {
		// the captured tree has 8 tcp6 rows and 1 udp6 row
		List<String> ipv6 = new ArrayList<>(Collections.nCopies(8, "tcp6"));
		ipv6.add("udp6");

		assertThat(this.mvc.get().uri("/connections?family=inet6")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.connections[*].protocol")
			.isEqualTo(ipv6);
		assertThat(this.mvc.get().uri("/connections?family=inet&protocol=tcp6")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.count")
			.isEqualTo(0);
	}

	/**
	 * Counted by hand from the captured tree (see src/test/resources/procfs/README.md).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/connections?state=bucket                                | 12 | 12
			/connections?state=connected&protocol=tcp                | 12 | 12
			/connections?port=18080-18082                            | 14 | 14
			/connections?remoteAddress=127.0.0.0/30&localPort=18080  | 3  | 3
			/connections?localAddress=::1                            | 5  | 5
			/connections?remoteAddress=::ffff:127.0.0.4               | 2  | 2
			/connections?sort=-recvQ&limit=2                          | 25 | 2
			/connections?sort=-RECVQ&limit=0                          | 25 | 0
			/connections?limit=0                                      | 25 | 0
			/connections?port=18080,18082                            | 10 | 10
			/connections?port=18080&port=18081&port=18082            | 14 | 14
			/connections?state=ESTAB&protocol=TCP                    | 3  | 3
			/connections?state=TIME-WAIT,listen&protocol=tcp          | 11 | 11
			/listening?localAddress=0.0.0.0/0                        | 3  | 3
			/listening?localAddress=0.0.0.0/0,::/0                   | 6  | 6
			""")
	void selectsAsSsDoes(String uri, int total, int count) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(200).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.total").isEqualTo(total);
			json.assertThat().extractingPath("$.count").isEqualTo(count);
		});
	}

	@Test
	void sortsTheMostCongestedFirst() {
		assertThat(this.mvc.get().uri("/connections?sort=-recvQ,localPort&limit=2")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.connections[*].recvQ")
			.isEqualTo(List.of(832, 5));
	}

	@Test
	void countsPeersOfOneBlock() {
		assertThat(this.mvc.get().uri("/stats/top-ips?remoteAddress=127.0.0.2/31")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.ips[*].ip")
			.isEqualTo(List.of("127.0.0.3", "127.0.0.2"));
	}

	@Test
	void acceptsRepeatedAndCommaListsAlike() {
		assertThat(this.mvc.get().uri("/connections?protocol=tcp&protocol=UDP6")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.count")
			.isEqualTo(15);
		assertThat(this.mvc.get().uri("/connections?state=time-wait,Listen&protocol=tcp6")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.count")
			.isEqualTo(5);
	}

}
