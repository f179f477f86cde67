package io.netstatd.export.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded heavy hitters over real sockets: connections held from 127.0.0.2 (3),
 * 127.0.0.3 (2) and 127.0.0.4 (1) to a listener of this test's, with the top two remotes
 * kept: the scrape has exactly those series for its port, {@code other} the one left, and
 * never more per-port series than the bound.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.metrics.ports=100", "netstatd.metrics.top-remotes=2", "netstatd.node-name=n1" })
@Timeout(30)
class PortRemotesLiveTests {

	@LocalServerPort
	int port;

	@Test
	void exposesTheTopRemotesOfAPortAndTheRestAsOther() throws Exception {
		List<Socket> held = new ArrayList<>();
		try (ServerSocket listener = new ServerSocket()) {
			listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
			int p = listener.getLocalPort();
			for (Map.Entry<String, Integer> source : Map.of("127.0.0.2", 3, "127.0.0.3", 2, "127.0.0.4", 1)
				.entrySet()) {
				for (int i = 0; i < source.getValue(); i++) {
					held.add(new Socket(InetAddress.getByName("127.0.0.1"), p, InetAddress.getByName(source.getKey()),
							0));
					held.add(listener.accept());
				}
			}
			String scrape = RestAssured.given().port(this.port).get("/actuator/prometheus").asString();
			assertThat(series(scrape, "netstatd_tcp_remote_connections{node=\"n1\",port=\"" + p + "\","))
				.isEqualTo("netstatd_tcp_remote_connections{node=\"n1\",port=\"" + p + "\",remote=\"127.0.0.2\"} 3.0\n"
						+ "netstatd_tcp_remote_connections{node=\"n1\",port=\"" + p + "\",remote=\"127.0.0.3\"} 2.0\n"
						+ "netstatd_tcp_remote_connections{node=\"n1\",port=\"" + p + "\",remote=\"other\"} 1.0\n");
			assertThat(series(scrape,
					"netstatd_tcp_port_connections{node=\"n1\",port=\"" + p + "\",state=\"ESTABLISHED\"}"))
				.isEqualTo("netstatd_tcp_port_connections{node=\"n1\",port=\"" + p + "\",state=\"ESTABLISHED\"} 6.0\n");
			// tcp_info per port and the accept queue, from the same scrape: the six
			// accepted ends have the port as theirs, the clients' ends do not
			assertThat(series(scrape,
					"netstatd_tcp_connection_rtt_seconds_bucket{node=\"n1\",port=\"" + p + "\",le=\"+Inf\"}"))
				.isEqualTo(
						"netstatd_tcp_connection_rtt_seconds_bucket{node=\"n1\",port=\"" + p + "\",le=\"+Inf\"} 6\n");
			// bounds as PromQL users type them, not as Double.toString writes them
			assertThat(series(scrape,
					"netstatd_tcp_connection_rtt_seconds_bucket{node=\"n1\",port=\"" + p + "\",le=\"0.0001\"}"))
				.startsWith(
						"netstatd_tcp_connection_rtt_seconds_bucket{node=\"n1\",port=\"" + p + "\",le=\"0.0001\"} ");
			assertThat(scrape).doesNotContainPattern("le=\"[0-9.]+E");
			assertThat(series(scrape, "netstatd_tcp_connection_retransmitted_segments{node=\"n1\",port=\"" + p + "\"}"))
				.isEqualTo("netstatd_tcp_connection_retransmitted_segments{node=\"n1\",port=\"" + p + "\"} 0.0\n");
			// tcp6 where the JDK's listener is a dual-stack socket, tcp where IPv6 is off
			assertThat(series(scrape,
					"netstatd_tcp_listen_queue_length{address=\"127.0.0.1\",node=\"n1\",port=\"" + p + "\","))
				.matches("netstatd_tcp_listen_queue_length\\{address=\"127\\.0\\.0\\.1\",node=\"n1\",port=\"" + p
						+ "\",protocol=\"tcp6?\"} 0\\.0\n");
			// and its limit: the backlog of 50 it was bound with
			assertThat(
					series(scrape, "netstatd_tcp_listen_backlog{address=\"127.0.0.1\",node=\"n1\",port=\"" + p + "\","))
				.matches("netstatd_tcp_listen_backlog\\{address=\"127\\.0\\.0\\.1\",node=\"n1\",port=\"" + p
						+ "\",protocol=\"tcp6?\"} 50\\.0\n");
			long perPort = scrape.lines()
				.filter((line) -> line.startsWith("netstatd_tcp_remote_connections{")
						|| line.startsWith("netstatd_tcp_port_connections{"))
				.count();
			assertThat(perPort).isLessThanOrEqualTo(100 * (2 + 1 + 10));
		}
		finally {
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	private static String series(String scrape, String prefix) {
		return scrape.lines().filter((line) -> line.startsWith(prefix)).collect(Collectors.joining("\n", "", "\n"));
	}

}
