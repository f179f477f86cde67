package io.netstatd.connections;

import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.OpenApiValidationFilter;
import io.netstatd.TestSockets;
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
		Thread sockets = new Thread(() -> churnSockets(running, churned), "churn-sockets");
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
	}

	private static void churnSockets(AtomicBoolean running, AtomicInteger churned) {
		try (TestSockets held = new TestSockets()) {
			ServerSocketChannel server = held.listen("127.0.0.1");
			for (int i = 0; i < 5_000 && running.get(); i++) {
				try (TestSockets batch = new TestSockets()) {
					List<SocketChannel> clients = new ArrayList<>();
					for (int j = 0; j < 10; j++) {
						clients.add(batch.connect("127.0.0.31", server, "127.0.0.1"));
					}
					churned.addAndGet(clients.size());
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
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
