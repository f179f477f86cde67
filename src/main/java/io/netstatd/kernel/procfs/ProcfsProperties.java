package io.netstatd.kernel.procfs;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where procfs is mounted: {@code /proc} on the host; a fixture tree in tests; the host's
 * {@code /proc} mounted elsewhere in a container.
 *
 * @param root the procfs root ({@code netstatd.procfs.root})
 */
@ConfigurationProperties("netstatd.procfs")
public record ProcfsProperties(@DefaultValue("/proc") Path root) {

}
