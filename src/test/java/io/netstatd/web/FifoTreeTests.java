package io.netstatd.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A procfs root whose tables are FIFOs: opening one would wait for a writer for ever.
 * Sixty requests at once each get a prompt 503 problem naming the file, readiness says
 * DOWN at once, and liveness, which never reads procfs, stays UP.
 */
@WholeServiceTest(properties = "netstatd.sockets.source=procfs")
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FifoTreeTests {

	static Path root;

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void fifoTree(DynamicPropertyRegistry registry) throws Exception {
		root = Files.createTempDirectory("netstatd-fifo-tree");
		Path net = Files.createDirectories(root.resolve("net"));
		for (String table : new String[] { "tcp", "tcp6", "udp", "udp6", "snmp", "sockstat", "dev" }) {
			Process mkfifo = new ProcessBuilder("mkfifo", net.resolve(table).toString()).start();
			assertThat(mkfifo.waitFor()).isZero();
		}
		registry.add("netstatd.procfs.root", root::toString);
	}

	@AfterAll
	static void removeTree() throws Exception {
		try (var files = Files.walk(root)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Test
	void answersEveryRequestAtOnceWithAProblemNamingTheFile() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(60);
		try {
			List<Future<MvcTestResult>> answers = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String uri = new String[] { "/stats/states", "/stats/sockets", "/interfaces", "/stats/protocols",
						"/listening?processes=false" }[i % 5];
				answers.add(clients.submit(() -> this.mvc.get().uri(uri).exchange()));
			}
			for (Future<MvcTestResult> answer : answers) {
				assertThat(answer.get()).hasStatus(503)
					.bodyJson()
					.extractingPath("$.detail")
					.asString()
					.contains("a FIFO, socket or device, not a regular file");
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void isNotReadyButAlive() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatus(503);
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatus(200);
	}

}
