package io.netstatd.limits;

import java.time.Duration;

/**
 * The moment by which one request must be answered
 * ({@code netstatd.limits.request-timeout} after it began). Work that can run long (the
 * owner walk, name lookups, a stream's snapshots) stops at it, so that a slow host cannot
 * pile requests up.
 *
 * @param expiresAt {@link System#nanoTime()} at the deadline
 * @param timeout the time the request was given, for the message
 */
public record Deadline(long expiresAt, Duration timeout) {

	/** A deadline {@code timeout} from now. */
	public static Deadline in(Duration timeout) {
		return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
	}

	/** Nanoseconds left, zero once passed. */
	public long remainingNanos() {
		return Math.max(0, this.expiresAt - System.nanoTime());
	}

	public boolean passed() {
		return this.expiresAt - System.nanoTime() <= 0;
	}

	/** The earlier of this deadline and {@code timeout} from now. */
	public long earlierOf(Duration timeout) {
		long other = System.nanoTime() + timeout.toNanos();
		return (other - this.expiresAt < 0) ? other : this.expiresAt;
	}

	/**
	 * Throws when the deadline has passed.
	 * @param work what was under way, for the message
	 */
	public void check(String work) {
		if (passed()) {
			throw new DeadlineExceededException(work, this.timeout);
		}
	}

}
