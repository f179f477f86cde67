package io.netstatd.kernel.procfs;

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
		try {
			ProcFile header = ProcFile.readStart(this.tcp, 256);
			if (header == null || header.length() == 0) {
				return Health.down()
					.withDetail("file", this.tcp.toString())
					.withDetail("reason", (header != null) ? "empty" : "no such file")
					.build();
			}
			return Health.up().withDetail("file", this.tcp.toString()).build();
		}
		catch (ProcfsUnavailableException ex) {
			return Health.down().withDetail("file", this.tcp.toString()).withDetail("reason", ex.reason()).build();
		}
	}

}
