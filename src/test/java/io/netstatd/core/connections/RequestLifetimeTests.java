package io.netstatd.core.connections;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.netstatd.web.WholeServiceTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work a request starts ends with it. Over a tree of 12,000 processes, whose walk takes
 * seconds, a list that asks for owners and then fails (a 400 for a namespace whose
 * process is not there) leaves no walk behind: the walk looks at the request's deadline,
 * which ends with the request, and runs on a pool no larger than the bound on expensive
 * requests.
 */
@WholeServiceTest(properties = { "netstatd.sockets.source=procfs", "netstatd.limits.expensive-requests=2" })
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RequestLifetimeTests {

	private static final int PROCESSES = 12_000;

	static Path root;

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void manyProcesses(DynamicPropertyRegistry registry) throws IOException {
		root = Files.createTempDirectory("netstatd-many-processes");
		Path net = Files.createDirectories(root.resolve("net"));
		Files.writeString(net.resolve("tcp"), "  sl  local_address rem_address   st\n");
		Files.writeString(net.resolve("udp"), "  sl  local_address rem_address   st\n");
		for (int pid = 1; pid <= PROCESSES; pid++) {
			Path fd = Files.createDirectories(root.resolve(pid + "/fd"));
			for (int i = 0; i < 4; i++) {
				Files.createSymbolicLink(fd.resolve(Integer.toString(i)), Path.of("socket:[" + (pid * 10 + i) + "]"));
			}
			Files.writeString(root.resolve(pid + "/cmdline"), "server\0--port\0" + pid);
		}
		registry.add("netstatd.procfs.root", root::toString);
	}

	@AfterAll
	static void removeTree() throws IOException {
		LargeTcpTable.remove(root);
	}

	@Test
	void stopsTheOwnerWalkWhenTheRequestFails() throws InterruptedException {
		// other contexts cached in this JVM have their own pools: count what these
		// requests add
		long before = named("netstatd-owners");
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.get().uri("/listening?netns=999999999&processes=true")).hasStatus(400);
		}

		// a walk stops at its next look at the deadline: a few processes later
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(walking()).as("threads still walking processes for requests that have ended")
						.isEmpty());
		assertThat(named("netstatd-owners") - before).isLessThanOrEqualTo(2);
	}

	@Test
	void stillWalksForARequestThatLives() {
		assertThat(this.mvc.get().uri("/listening?processes=true")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.processScan.processes")
			.isEqualTo(PROCESSES);
	}

	private static long named(String name) {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().equals(name)).count();
	}

	/** Threads with the owner walk on their stack. */
	private static List<String> walking() {
		ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
		return Arrays.stream(infos)
			.filter((info) -> Arrays.stream(info.getStackTrace())
				.anyMatch((frame) -> frame.getClassName().endsWith("ProcessScanner")))
			.map(ThreadInfo::getThreadName)
			.toList();
	}

}
