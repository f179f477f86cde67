package io.netstatd.kernel.names;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code resolve=true} names addresses and ports.
 *
 * @param timeout one deadline per request for every reverse lookup it needs
 * @param maxConcurrent how many lookups run at once, for all requests together
 * @param cacheTtl how long an answer is kept
 * @param failureTtl how long a failed or empty answer is kept
 * @param servicesFile where service names come from
 */
@ConfigurationProperties("netstatd.names")
public record NamesProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("8") int maxConcurrent,
		@DefaultValue("5m") Duration cacheTtl, @DefaultValue("1m") Duration failureTtl,
		@DefaultValue("/etc/services") Path servicesFile) {

}
