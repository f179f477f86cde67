package io.netstatd.kernel.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.DeadlineExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The owner walk over a procfs tree the test builds: fd links are symlinks whose targets
 * need not exist, as in the real {@code /proc/<pid>/fd}.
 */
class ProcessScannerTests {

	private static final Deadline AMPLE = Deadline.in(Duration.ofMinutes(5));

	@TempDir
	Path root;

	@Test
	void stopsAtTheDeadlineRatherThanAnswerWithOwnersHalfFound() throws IOException {
		process(812, "/usr/sbin/nginx\0", "nginx", "socket:[555]");

		ProcessScanner scanner = new ProcessScanner(new ProcfsProperties(this.root),
				new ProcessScanner.Properties(false));

		assertThatExceptionOfType(DeadlineExceededException.class)
			.isThrownBy(() -> scanner.scan(Deadline.in(Duration.ZERO)))
			.withMessage("The request ran past its deadline of 0 ms while finding the processes that hold sockets; "
					+ "the host is busy or very large. Try again, or ask for less (processes=false, a filter).");
	}

	@Test
	void mapsSocketInodesToEveryProcessHoldingThem() throws IOException {
		process(812, "/usr/sbin/nginx\0-g\0daemon off;\0", "nginx", "socket:[555]", "/dev/null", "pipe:[9]");
		process(813, "nginx: worker process\0", "nginx", "socket:[555]", "socket:[556]");
		process(900, "/opt/app/bin/python3\0server.py\0", "python3", "socket:[557]", "socket:[557]");
		process(2, "", "kthreadd\n");
		Files.createDirectories(this.root.resolve("self"));
		Files.createDirectories(this.root.resolve("net"));

		ProcessScan scan = new ProcessScanner(new ProcfsProperties(this.root), new ProcessScanner.Properties(false))
			.scan(AMPLE);

		assertThat(scan.processes()).isEqualTo(4);
		assertThat(scan.unreadable()).isZero();
		// the worker's title is not its name: nginx, as ss -p names it
		assertThat(scan.owners(555)).containsExactly(new SocketProcess(812, "nginx", null),
				new SocketProcess(813, "nginx", null));
		assertThat(scan.owners(556)).containsExactly(new SocketProcess(813, "nginx", null));
		// two descriptors of one socket in one process: one owner
		assertThat(scan.owners(557)).containsExactly(new SocketProcess(900, "python3", null));
		assertThat(scan.owners(0)).isEmpty();
		assertThat(scan.owners(999)).isEmpty();
	}

	@Test
	void showsCommandLinesOnlyWhenSwitchedOn() throws IOException {
		process(812, "/usr/sbin/nginx\0-g\0daemon off;\0", "nginx", "socket:[555]");

		ProcessScan hidden = new ProcessScanner(new ProcfsProperties(this.root), new ProcessScanner.Properties(false))
			.scan(AMPLE);
		ProcessScan shown = new ProcessScanner(new ProcfsProperties(this.root), new ProcessScanner.Properties(true))
			.scan(AMPLE);

		assertThat(hidden.owners(555)).containsExactly(new SocketProcess(812, "nginx", null));
		assertThat(shown.owners(555))
			.containsExactly(new SocketProcess(812, "nginx", "/usr/sbin/nginx -g daemon off;"));
	}

	@Test
	void findsNoOwnersWithoutProcfs() {
		ProcessScan scan = new ProcessScanner(new ProcfsProperties(this.root.resolve("missing")),
				new ProcessScanner.Properties(false))
			.scan(AMPLE);

		assertThat(scan.processes()).isZero();
		assertThat(scan.owners(555)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			socket:[12345]    | 12345
			socket:[0]        | 0
			socket:[]         | -1
			socket:[12x]      | -1
			pipe:[12345]      | -1
			/dev/null         | -1
			socket:[12345     | -1
			""")
	void readsSocketInodesFromLinkTargets(String target, long inode) {
		assertThat(ProcessScanner.socketInode(target)).isEqualTo(inode);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/usr/lib/jvm/java-17/bin/java\\0-jar\\0x.jar | java            | java
			nginx: worker process\\0                   | nginx           | nginx
			a-very-long-program-name-past-fifteen\\0   | a-very-long-pro | a-very-long-program-name-past-fifteen
			''                                         | kworker/0:1     | kworker/0:1
			app --api-key=AKIAEXAMPLESECRET\\0         | python3         | python3
			--api-key=AKIAEXAMPLESECRET\\0             | python3         | python3
			/usr/bin/python3\\0app.py                  | python3         | python3
			sshd: deploy@pts/3\\0                      | sshd            | sshd
			postgres: checkpointer\\0                  | postgres        | postgres
			""")
	void namesProcessesAsTheKernelDoesNeverByTheirTitle(String cmdline, String comm, String name) {
		byte[] bytes = cmdline.replace("\\0", "\0").getBytes(StandardCharsets.UTF_8);

		assertThat(ProcessScanner.processName(bytes, comm)).isEqualTo(name);
	}

	@Test
	void takesOnlyNumericEntriesAsPids() {
		assertThat(ProcessIds.parse("4194304")).isEqualTo(4194304);
		assertThat(ProcessIds.parse("self")).isEqualTo(-1);
		assertThat(ProcessIds.parse("")).isEqualTo(-1);
		assertThat(ProcessIds.parse("99999999999")).isEqualTo(-1);
	}

	private void process(int pid, String cmdline, String comm, String... fds) throws IOException {
		Path process = Files.createDirectories(this.root.resolve(Integer.toString(pid)));
		Files.writeString(process.resolve("cmdline"), cmdline);
		Files.writeString(process.resolve("comm"), comm);
		Path fd = Files.createDirectories(process.resolve("fd"));
		for (int i = 0; i < fds.length; i++) {
			Files.createSymbolicLink(fd.resolve(Integer.toString(3 + i)), Path.of(fds[i]));
		}
	}

}
