package io.netstatd.kernel.containers;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code netstatd.pods.*}: where the kubelet's log directories are, mounted read-only.
 *
 * @param logRoot {@code netstatd.pods.log-root}: the pod log directories
 * ({@code <namespace>_<name>_<uid>/<container>/})
 * @param containerLogRoot {@code netstatd.pods.container-log-root}: the container log
 * links ({@code <pod>_<namespace>_<container>-<id>.log})
 * @param refresh {@code netstatd.pods.refresh}: how long a reading of them is used
 */
@ConfigurationProperties("netstatd.pods")
public record ContainerProperties(@DefaultValue("/var/log/pods") Path logRoot,
		@DefaultValue("/var/log/containers") Path containerLogRoot, @DefaultValue("10s") Duration refresh) {

}
