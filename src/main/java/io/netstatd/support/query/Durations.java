package io.netstatd.support.query;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * Durations as a client writes them: {@code 2s}, {@code 1500ms}, {@code 1m}, or whole
 * seconds.
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Reads a duration within bounds.
	 * @param value the text
	 * @param min the shortest
	 * @param max the longest
	 * @return the duration
	 * @throws InvalidValueException when it is not one, or out of bounds
	 */
	public static Duration read(String value, Duration min, Duration max) {
		Duration duration;
		try {
			duration = (!value.isEmpty() && value.chars().allMatch((c) -> c >= '0' && c <= '9'))
					? Duration.ofSeconds(Long.parseLong(value)) : DurationStyle.SIMPLE.parse(value);
		}
		catch (RuntimeException ex) {
			duration = null;
		}
		if (duration == null || duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
			throw new InvalidValueException(value, allowed(min, max));
		}
		return duration;
	}

	/**
	 * What a duration parameter allows, in words.
	 * @param min the shortest
	 * @param max the longest
	 * @return {@code a duration from 1s to 60s, such as 1s, 1500ms or 1m}
	 */
	public static String allowed(Duration min, Duration max) {
		return "a duration from " + text(min) + " to " + text(max) + ", such as 1s, 1500ms or 1m";
	}

	/**
	 * A bound as the annotation writes it.
	 * @param text {@code 1s}, {@code 100ms}, {@code 10m}
	 * @return the duration
	 */
	public static Duration of(String text) {
		return DurationStyle.SIMPLE.parse(text);
	}

	/**
	 * A duration as the problem writes it.
	 * @param duration the duration
	 * @return {@code 60s} or {@code 100ms}
	 */
	public static String text(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? (duration.toSeconds() + "s") : (duration.toMillis() + "ms");
	}

}
