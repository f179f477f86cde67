package io.netstatd.live.streams;

import java.time.Duration;

/**
 * The query of a live stream: what each snapshot reads, and how often.
 *
 * @param <Q> what each snapshot reads
 * @param query what each snapshot reads
 * @param interval how long between snapshots
 */
public record Streamed<Q>(Q query, Duration interval) {

	/** No faster than a second: each snapshot is a table read. */
	public static final String MIN = "1s";

	/** No slower than a minute: a slower view is a poll. */
	public static final String MAX = "60s";

	/** A snapshot a second, as {@code netstat -c}. */
	public static final String DEFAULT = "1s";

	/** What {@code interval} looks like, for the contract. */
	public static final String PATTERN = "^[0-9]+(ms|s|m)?$";

	/**
	 * A stream's interval: the one given, or a second.
	 * @param interval the bound value, or null
	 * @return the interval
	 */
	public static Duration orDefault(Duration interval) {
		return (interval != null) ? interval : Duration.ofSeconds(1);
	}

}
