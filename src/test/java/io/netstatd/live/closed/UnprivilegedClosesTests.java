package io.netstatd.live.closed;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.netstatd.ServiceProcess;
import io.netstatd.Tools;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel's closes need no capability: sock_diag lets any user join its destroy groups
 * (the family allows non-root receivers), as {@code ss -E} run as nobody shows. The
 * service runs as user 65534 with every capability set empty, and counts the closes of
 * connections made on its own address from the kernel's notices.
 */
@Timeout(120)
class UnprivilegedClosesTests {

	private static final String ADDRESS = "127.0.71.1";

	private static final int CONNECTIONS = 25;

	@Test
	void countsKernelClosesWithNoCapability() throws Exception {
		assumeTrue(Tools.installed("setpriv"), "setpriv (util-linux) is not installed");
		assumeTrue(Tools.run("id -u").strip().equals("0"), "not root: cannot start the service as another user");
		try (ServiceProcess service = ServiceProcess.startUnprivileged("unprivileged-closes");
				ServerSocket listener = new ServerSocket()) {
			List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"));
			assertThat(status).contains("CapEff:\t0000000000000000", "CapPrm:\t0000000000000000")
				.anyMatch((line) -> line.matches("Uid:\\s+65534\\s+65534\\s+65534\\s+65534"));

			listener.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0), 64);
			int port = listener.getLocalPort();
			long started = System.nanoTime();
			for (int i = 0; i < CONNECTIONS; i++) {
				try (Socket client = new Socket(InetAddress.getByName(ADDRESS), port, InetAddress.getByName(ADDRESS),
						0); Socket accepted = listener.accept()) {
					client.getOutputStream().write(1);
				}
			}
			JsonPath closed = null;
			long until = System.nanoTime() + 20_000_000_000L;
			while (System.nanoTime() < until) {
				long window = Math.max(1000, (System.nanoTime() - started) / 1_000_000 + 100);
				closed = RestAssured.given()
					.port(service.port())
					.get("/stats/closed?by=remote&window=" + window + "ms&port=" + port)
					.then()
					.statusCode(200)
					.extract()
					.jsonPath();
				if (closed.getList("groups").size() > 0 && closed.getLong("groups[0].count") >= CONNECTIONS) {
					break;
				}
				Thread.sleep(100);
			}
			// the accepted ends, whose local port is the port
			assertThat(closed.getString("groups[0].key")).isEqualTo(ADDRESS);
			assertThat(closed.getLong("groups[0].count")).isEqualTo(CONNECTIONS);
			assertThat(closed.getBoolean("complete")).isTrue();
		}
	}

}
