package io.netstatd.live.streams;

import java.time.Duration;

import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamTypes;

/**
 * The query of a live stream: what each snapshot reads, and how often.
 *
 * @param <Q> what each snapshot reads
 * @param query what each snapshot reads
 * @param interval how long between snapshots
 */
public record Streamed<Q>(Q query, Duration interval) {

	/** No faster than a second: each snapshot is a table read. */
	static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

	/** No slower than a minute: a slower view is a poll. */
	static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

	/** {@code interval}, declared once for every stream. */
	public static final Param<Duration> INTERVAL = Param
		.of("interval", ParamTypes.duration(MIN_INTERVAL, MAX_INTERVAL),
				"how often: 1s to 60s, such as 1s, 1500ms or 1m, or whole seconds")
		.defaultsTo("1s");

}
