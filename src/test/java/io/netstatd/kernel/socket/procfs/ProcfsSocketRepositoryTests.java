package io.netstatd.kernel.socket.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcfsUnavailableException;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProcfsSocketRepositoryTests {

	@TempDir
	Path root;

	@Test
	void readsTheTablesAskedForInKernelOrder() throws IOException {
		copy("tcp", "tcp6", "udp", "udp6");

		Parsed<InetSocket> table = repository().read(EnumSet.of(Protocol.UDP6, Protocol.TCP), Set.of());

		assertThat(table.rows()).extracting(InetSocket::protocol).containsOnly(Protocol.TCP, Protocol.UDP6);
		assertThat(table.rows()).filteredOn((s) -> s.protocol() == Protocol.TCP).hasSize(14);
		assertThat(table.rows()).last().extracting(InetSocket::protocol).isEqualTo(Protocol.UDP6);
	}

	@Test
	void takesMissingIpv6TablesAsIpv6Off() throws IOException {
		copy("tcp", "udp");

		Parsed<InetSocket> table = repository().read(EnumSet.allOf(Protocol.class), Set.of());

		assertThat(table.rows()).hasSize(16);
		assertThat(table.skipped().lines()).isEmpty();
	}

	@Test
	void namesTheMissingRequiredFile() throws IOException {
		copy("tcp6");

		assertThatExceptionOfType(ProcfsUnavailableException.class)
			.isThrownBy(() -> repository().read(Set.of(Protocol.TCP), Set.of()))
			.withMessage("cannot read " + this.root.resolve("net/tcp") + ": no such file")
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(this.root.resolve("net/tcp")));
	}

	@Test
	void namesTheUnreadableFile() throws IOException {
		// a directory where the file should be fails to read even for root, unlike chmod
		// 000
		Files.createDirectories(this.root.resolve("net/udp"));

		assertThatExceptionOfType(ProcfsUnavailableException.class)
			.isThrownBy(() -> repository().read(Set.of(Protocol.UDP), Set.of()))
			.withMessage("cannot read " + this.root.resolve("net/udp") + ": a directory, not a file");
	}

	@Test
	void readsFilesLargerThanOneRead() throws IOException {
		byte[] row = "   1: 0100007F:46A0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6564 1 0\n"
			.getBytes();
		int rows = 600 * 1024 / row.length;
		Files.createDirectories(this.root.resolve("net"));
		try (var out = Files.newOutputStream(this.root.resolve("net/tcp"))) {
			for (int i = 0; i < rows; i++) {
				out.write(row);
			}
		}

		assertThat(repository().read(Set.of(Protocol.TCP), Set.of()).rows()).hasSize(rows);
	}

	private ProcfsSocketRepository repository() {
		return new ProcfsSocketRepository(this.root);
	}

	private void copy(String... files) throws IOException {
		Files.createDirectories(this.root.resolve("net"));
		for (String file : files) {
			Files.write(this.root.resolve("net").resolve(file), NetIpSocketParserTests.resource("golden/net/" + file));
		}
	}

}
