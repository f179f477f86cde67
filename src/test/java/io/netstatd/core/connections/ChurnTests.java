package io.netstatd.core.connections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.OpenApiValidationFilter;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moving host: while one thread opens and closes loopback connections and another
 * starts and kills processes, the socket endpoints (owners included) are called in a
 * loop. Every answer must be a 200 that matches the contract: sockets and processes that
 * vanish between two reads are no error. Bounded in requests and time; it stops by
 * itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChurnTests {

	/**
	 * The churn's listener's own address: another program's sockets may share its port.
	 */
	private static final String CHURN_ADDRESS = "127.0.0.31";

	private static final int REQUESTS = 60;

	private static final List<String> PATHS = List.of("/connections?processes=true", "/listening",
			"/connections?protocol=tcp,udp,unix&state=connected", "/stats/states", "/stats/top-ips",
			"/connections?format=table&processes=true");

	@LocalServerPort
	int port;

	@Test
	void answersEveryCallWhileSocketsAndProcessesComeAndGo() throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger churned = new AtomicInteger();
		AtomicInteger churnPort = new AtomicInteger();
		Thread sockets = new Thread(() -> churnSockets(running, churned, churnPort), "churn-sockets");
		Thread processes = new Thread(() -> churnProcesses(running, churned), "churn-processes");
		sockets.start();
		processes.start();
		try {
			long deadline = System.nanoTime() + 60_000_000_000L;
			for (int i = 0; i < REQUESTS && System.nanoTime() < deadline; i++) {
				String path = PATHS.get(i % PATHS.size());
				RestAssured.given()
					.port(this.port)
					.urlEncodingEnabled(false)
					.filter(new OpenApiValidationFilter())
					.get(path)
					.then()
					.statusCode(200);
			}
		}
		finally {
			running.set(false);
			sockets.join(10_000);
			processes.join(10_000);
		}
		assertThat(churned.get()).as("sockets and processes opened and closed meanwhile").isPositive();
		assertThat(new ProcfsSocketRepository(Path.of("/proc")).read(EnumSet.of(Protocol.TCP, Protocol.TCP6), Set.of())
			.rows()
			.stream()
			.filter((socket) -> isChurns(socket.localAddress().toString(), socket.localPort(), churnPort.get())
					|| isChurns(socket.remoteAddress().toString(), socket.remotePort(), churnPort.get()))
			.count()).as("rows the churn left behind (TIME_WAIT takes ports from later tests)").isZero();
	}

	/**
	 * Whether an end is the churn's listener: its own address and port, never a port
	 * alone.
	 */
	private static boolean isChurns(String address, int port, int churnPort) {
		return CHURN_ADDRESS.equals(address) && port == churnPort;
	}

	/**
	 * Connections opened and reset in batches of ten. Reset, not closed: a close leaves
	 * the client's port in TIME_WAIT for 60 s, and tens of thousands of them take every
	 * ephemeral port from the tests that run after this one (seen in CI as "Cannot assign
	 * requested address"). The clients are not bound for the same reason: connect() never
	 * takes a port a bind() holds, TIME_WAIT included.
	 */
	private static void churnSockets(AtomicBoolean running, AtomicInteger churned, AtomicInteger churnPort) {
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress(CHURN_ADDRESS, 0), 64);
			churnPort.set(server.getLocalPort());
			for (int i = 0; i < 5_000 && running.get(); i++) {
				List<Socket> batch = new ArrayList<>();
				try {
					for (int j = 0; j < 10; j++) {
						Socket client = new Socket(CHURN_ADDRESS, server.getLocalPort());
						batch.add(client);
						batch.add(server.accept());
					}
					churned.addAndGet(batch.size() / 2);
				}
				finally {
					for (Socket socket : batch) {
						socket.setSoLinger(true, 0);
						socket.close();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void churnProcesses(AtomicBoolean running, AtomicInteger churned) {
		for (int i = 0; i < 500 && running.get(); i++) {
			try {
				Process sleeper = new ProcessBuilder("sleep", "30").start();
				Thread.sleep(5);
				sleeper.destroyForcibly().waitFor();
				churned.incrementAndGet();
			}
			catch (Exception ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
