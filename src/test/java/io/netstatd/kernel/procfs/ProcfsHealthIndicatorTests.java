package io.netstatd.kernel.procfs;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ProcfsHealthIndicatorTests {

	@Test
	void isUpWhereTheSocketTableReads() {
		Health health = new ProcfsHealthIndicator(new ProcfsProperties(Path.of("src/test/resources/procfs/golden")))
			.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("file", "src/test/resources/procfs/golden/net/tcp");
	}

	@Test
	void isDownNamingTheFileWhereItDoesNot() {
		Health health = new ProcfsHealthIndicator(new ProcfsProperties(Path.of("target/no-procfs-here"))).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("file", "target/no-procfs-here/net/tcp")
			.containsEntry("reason", "no such file");
	}

}
