package io.netstatd.limits;

import java.time.Duration;

/**
 * The moment by which one request must be answered
 * ({@code netstatd.limits.request-timeout} after it began), and the end of the request
 * however it ends. Work a request starts (the owner walk, name lookups) asks
 * {@link #passed()} as it goes and stops once the deadline has passed or the request has
 * ended: an answer, an error or a client gone, no work outlives its request.
 */
public final class Deadline {

	private final long expiresAt;

	private final Duration timeout;

	private volatile boolean ended;

	private Deadline(long expiresAt, Duration timeout) {
		this.expiresAt = expiresAt;
		this.timeout = timeout;
	}

	/**
	 * A deadline {@code timeout} from now.
	 * @param timeout the time the request is given
	 * @return the deadline
	 */
	public static Deadline in(Duration timeout) {
		return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
	}

	/**
	 * Nanoseconds left, zero once passed.
	 * @return the time left
	 */
	public long remainingNanos() {
		return this.ended ? 0 : Math.max(0, this.expiresAt - System.nanoTime());
	}

	/**
	 * Whether work for the request should stop: the deadline passed, or the request
	 * ended.
	 * @return whether to stop
	 */
	public boolean passed() {
		return this.ended || this.expiresAt - System.nanoTime() <= 0;
	}

	/**
	 * The earlier of this deadline and {@code timeout} from now.
	 * @param timeout another bound
	 * @return {@link System#nanoTime()} at the earlier of the two
	 */
	public long earlierOf(Duration timeout) {
		long other = System.nanoTime() + timeout.toNanos();
		return (other - this.expiresAt < 0) ? other : this.expiresAt;
	}

	/**
	 * Throws when the deadline has passed.
	 * @param work what was under way, for the message
	 * @throws DeadlineExceededException when it has
	 */
	public void check(String work) {
		if (passed()) {
			throw new DeadlineExceededException(work, this.timeout);
		}
	}

	/** The request ended: work still under way for it stops at its next look. */
	public void end() {
		this.ended = true;
	}

}
