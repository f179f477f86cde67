package io.netstatd.live.streams;

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
 * @param maxEvents {@code netstatd.streams.max-events}: the most changes a connection
 * stream sends for one interval; beyond it one {@code overflow} event says how many there
 * were, so that a storm of changes cannot pile up in memory or at a slow client
 * @param maxPerClient {@code netstatd.streams.max-per-client}: streams one client address
 * may hold at once (4, a quarter of the default {@code max-open}; at most
 * {@code max-open}), so that one client that opens streams and never reads cannot take
 * every place
 */
@ConfigurationProperties("netstatd.streams")
public record StreamsProperties(@DefaultValue("16") int maxOpen, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("1h") Duration maxDuration, @DefaultValue("1000") int maxEvents,
		@DefaultValue("4") int maxPerClient) {

	public StreamsProperties {
		if (maxPerClient < 1) {
			throw new IllegalArgumentException(
					"netstatd.streams.max-per-client must be 1 or more, not " + maxPerClient);
		}
	}

	/**
	 * The streams one client address may hold: {@code max-per-client}, at most
	 * {@code max-open}.
	 * @return the share
	 */
	public int perClient() {
		return Math.min(this.maxPerClient, this.maxOpen);
	}

}
