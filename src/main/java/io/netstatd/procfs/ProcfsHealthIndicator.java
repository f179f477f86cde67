package io.netstatd.procfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness means procfs is readable: the service can answer. Cheap enough for a probe
 * every few seconds on a host with 100k sockets: it reads the first bytes of
 * {@code net/tcp}, not the table.
 */
@Component("procfs")
public class ProcfsHealthIndicator implements HealthIndicator {

	private final Path tcp;

	public ProcfsHealthIndicator(ProcfsProperties properties) {
		this.tcp = properties.root().resolve("net/tcp");
	}

	@Override
	public Health health() {
		try (InputStream in = Files.newInputStream(this.tcp)) {
			byte[] header = in.readNBytes(256);
			if (header.length == 0) {
				return Health.down().withDetail("file", this.tcp.toString()).withDetail("reason", "empty").build();
			}
			return Health.up().withDetail("file", this.tcp.toString()).build();
		}
		catch (IOException | SecurityException ex) {
			return Health.down()
				.withDetail("file", this.tcp.toString())
				.withDetail("reason", ex.getClass().getSimpleName())
				.build();
		}
	}

}
