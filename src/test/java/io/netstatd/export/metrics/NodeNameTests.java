package io.netstatd.export.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which name a node goes by: the property, the downward API's, the kernel's, never none.
 */
class NodeNameTests {

	@TempDir
	Path root;

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "alpha, node-3, db-1, alpha", "null, node-3, db-1, node-3", "'  ', node-3, db-1, node-3",
					"null, null, db-1, db-1", "null, '', db-1, db-1", "null, null, null, localhost" })
	void takesThePropertyThenTheDownwardApiThenTheKernel(String configured, String downward, String hostname,
			String expected) throws IOException {
		if (hostname != null) {
			Files.createDirectories(this.root.resolve("sys/kernel"));
			// the kernel ends the name with a line feed
			Files.writeString(this.root.resolve("sys/kernel/hostname"), hostname + "\n");
		}
		assertThat(NodeName.of(configured, downward, this.root).value()).isEqualTo(expected);
	}

	@Test
	@Timeout(5)
	void neverWaitsOnAFifoWhereTheHostNameShouldBe() throws Exception {
		Files.createDirectories(this.root.resolve("sys/kernel"));
		Path fifo = this.root.resolve("sys/kernel/hostname");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assertThat(mkfifo.waitFor()).isZero();
		assertThat(NodeName.of(null, null, this.root).value()).isEqualTo("localhost");
	}

}
