package io.netstatd.streams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the live streams.
 *
 * @param maxOpen {@code netstatd.streams.max-open}: streams open at once; beyond it a 503
 * with Retry-After
 * @param heartbeat {@code netstatd.streams.heartbeat}: a comment line after this long
 * without an event, so that proxies keep an idle stream open
 * @param maxDuration {@code netstatd.streams.max-duration}: a stream ends after this long
 * (EventSource reconnects by itself), so none is held forever
 */
@ConfigurationProperties("netstatd.streams")
public record StreamsProperties(@DefaultValue("16") int maxOpen, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("1h") Duration maxDuration) {

}
