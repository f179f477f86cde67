package io.netstatd.kernel.procfs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.netstatd.kernel.process.ProcessScan;
import io.netstatd.kernel.process.ProcessScanner;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.report.SkippedLine;
import io.netstatd.views.counters.CountersRepository;
import io.netstatd.views.interfaces.InterfacesRepository;
import io.netstatd.views.interfaces.SysfsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * procfs roots a red team builds: a FIFO where a table should be (opening it would wait
 * for a writer for ever), a device (it would stream without end), files far larger than
 * any host's, lines of millions of words. Each read ends, in bounded memory, with a
 * problem naming the file or the line skipped; none hangs, none exhausts the heap.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileTreesTests {

	private static final String ROW = "   0: 0100007F:1F90 0100007F:A000 01 00000000:00000000 00:00000000 00000000     0"
			+ "        0 123 1 0000000000000000 20 4 30 10 -1\n";

	@TempDir
	Path root;

	@Test
	void refusesAFifoWithoutOpeningIt() throws Exception {
		Path tcp = net("tcp");
		mkfifo(tcp);

		assertThatExceptionOfType(ProcfsUnavailableException.class)
			.isThrownBy(() -> new ProcfsSocketRepository(this.root).read(Set.of(Protocol.TCP), Set.of()))
			.withMessageContaining("a FIFO, socket or device, not a regular file");
	}

	@Test
	void refusesADevice() throws IOException {
		Files.createSymbolicLink(net("tcp"), Path.of("/dev/zero"));

		assertThatExceptionOfType(ProcfsUnavailableException.class)
			.isThrownBy(() -> new ProcfsSocketRepository(this.root).read(Set.of(Protocol.TCP), Set.of()))
			.withMessageContaining("not a regular file");
	}

	@Test
	void readsAHundredThousandSockets() throws IOException {
		write(net("tcp"), ROW, 100_000);
		Files.writeString(net("udp"), "");

		assertThat(new ProcfsSocketRepository(this.root).read(Set.of(Protocol.TCP), Set.of()).rows()).hasSize(100_000);
	}

	@Test
	void refusesATableLargerThanAnyHostsWith507() throws IOException {
		write(net("tcp"), ROW, 250_000);

		assertThatExceptionOfType(ProcfsTooLargeException.class)
			.isThrownBy(() -> new ProcfsSocketRepository(this.root).read(Set.of(Protocol.TCP), Set.of()))
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(net("tcp")))
			.withMessageContaining("holds more than 24 MiB");
	}

	@Test
	void keepsAHundredSkippedLinesOfAMillion() throws IOException {
		write(net("tcp"), "garbage\n", 1_000_000);

		Parsed<?> tcp = new ProcfsSocketRepository(this.root).read(Set.of(Protocol.TCP), Set.of());
		assertThat(tcp.skipped().count()).isEqualTo(1_000_000);
		assertThat(tcp.skipped().lines()).hasSize(100);
		assertThat(tcp.skipped().byFile()).containsEntry(net("tcp").toString(), 1_000_000);
	}

	@Test
	void refusesACounterFileOfMillionsOfNames() throws IOException {
		Files.writeString(net("snmp"), "Tcp: A\nTcp: 1\n");
		write(net("netstat"), "a ", 5_000_000);

		assertThatExceptionOfType(ProcfsTooLargeException.class).isThrownBy(() -> counters().protocols())
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(net("netstat")));
	}

	@Test
	void skipsALineLongerThanTheKernelsLongest() throws IOException {
		Files.writeString(net("snmp"), "Tcp: A B\nTcp: 1 2\n");
		Files.writeString(net("netstat"), "TcpExt: " + "a ".repeat(500_000) + "\nTcpExt: 1\nIpExt: X\nIpExt: 7\n",
				StandardCharsets.US_ASCII);

		io.netstatd.views.counters.Counters protocols = counters().protocols();
		assertThat(protocols.value("Tcp", "B")).isEqualTo(2);
		assertThat(protocols.value("IpExt", "X")).isEqualTo(7);
		assertThat(protocols.skipped().lines()).extracting(SkippedLine::reason)
			.first()
			.isEqualTo("longer than 65536 bytes");
	}

	@Test
	void refusesAnInterfaceFileOfMillionsOfFields() throws IOException {
		write(net("dev"), "x ", 5_000_000);

		assertThatExceptionOfType(ProcfsTooLargeException.class).isThrownBy(() -> new InterfacesRepository(properties(),
				new SysfsProperties(this.root), new SkippedLineCounter(properties()))
			.interfaces());
	}

	@Test
	void refusesASockstatOfTenMegabytes() throws IOException {
		write(net("sockstat"), "TCP: inuse 1 ", 1_000_000);

		assertThatExceptionOfType(ProcfsTooLargeException.class).isThrownBy(() -> counters().sockets());
	}

	/** The owner walk reads a FIFO at a process's cmdline as it reads a gone process. */
	@Test
	void namesAProcessWhoseCommandLineIsAFifoWithoutWaitingForIt() throws Exception {
		Path fd = Files.createDirectories(this.root.resolve("123/fd"));
		Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[42]"));
		mkfifo(this.root.resolve("123/cmdline"));
		mkfifo(this.root.resolve("123/comm"));

		ProcessScan scan = new ProcessScanner(properties(), new ProcessScanner.Properties(false))
			.scan(Deadline.in(java.time.Duration.ofSeconds(10)));
		assertThat(scan.owners(42)).singleElement().satisfies((owner) -> {
			assertThat(owner.pid()).isEqualTo(123);
			assertThat(owner.name()).isEqualTo("?");
		});
	}

	private CountersRepository counters() {
		return new CountersRepository(properties(), new SkippedLineCounter(properties()));
	}

	private ProcfsProperties properties() {
		return new ProcfsProperties(this.root);
	}

	private Path net(String name) throws IOException {
		return Files.createDirectories(this.root.resolve("net")).resolve(name);
	}

	private static void write(Path file, String line, int times) throws IOException {
		byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			for (int i = 0; i < times; i++) {
				out.write(bytes);
			}
		}
	}

	static void mkfifo(Path path) throws Exception {
		Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
		assertThat(mkfifo.waitFor()).isZero();
	}

}
