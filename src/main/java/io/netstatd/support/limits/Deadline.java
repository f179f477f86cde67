package io.netstatd.support.limits;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The moment by which one request must be answered
 * ({@code netstatd.limits.request-timeout} after it began), and the end of the request
 * however it ends. Work a request starts (the owner walk, name lookups) asks
 * {@link #passed()} as it goes and stops once the deadline has passed or the request has
 * ended: an answer, an error or a client gone, no work outlives its request.
 */
public final class Deadline {

	/** How often, at most, whether the client is gone is looked at: one socket lookup. */
	static final long CLIENT_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final long expiresAt;

	private final Duration timeout;

	private final BooleanSupplier clientGone;

	private volatile boolean ended;

	private volatile long lookedAt;

	private final Queue<Runnable> atEnd = new ConcurrentLinkedQueue<>();

	/**
	 * Whether {@link #end()} was called: {@code ended} is also set when the client is
	 * seen gone, while the request still runs.
	 */
	private volatile boolean over;

	private Deadline(long expiresAt, Duration timeout, BooleanSupplier clientGone) {
		this.expiresAt = expiresAt;
		this.timeout = timeout;
		this.clientGone = clientGone;
		this.lookedAt = System.nanoTime();
	}

	/**
	 * A deadline {@code timeout} from now.
	 * @param timeout the time the request is given
	 * @return the deadline
	 */
	public static Deadline in(Duration timeout) {
		return in(timeout, () -> false);
	}

	/**
	 * A deadline {@code timeout} from now, for a request whose client may go before it is
	 * answered: the servlet API says so only when a write fails, so work that writes
	 * nothing for a while asks {@code clientGone}, at most every 500 ms.
	 * @param timeout the time the request is given
	 * @param clientGone whether the client's connection is closing or gone
	 * @return the deadline
	 */
	public static Deadline in(Duration timeout, BooleanSupplier clientGone) {
		return new Deadline(System.nanoTime() + timeout.toNanos(), timeout, clientGone);
	}

	/**
	 * Nanoseconds left, zero once passed.
	 * @return the time left
	 */
	public long remainingNanos() {
		return ended() ? 0 : Math.max(0, this.expiresAt - System.nanoTime());
	}

	/**
	 * Whether work for the request should stop: the deadline passed, or the request
	 * ended.
	 * @return whether to stop
	 */
	public boolean passed() {
		return ended() || this.expiresAt - System.nanoTime() <= 0;
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

	/**
	 * Whether the request has ended (answered, failed, or its client gone), whatever the
	 * time: for work that sets its own bound, such as a capture's seconds.
	 * @return whether it has
	 */
	public boolean ended() {
		if (!this.ended) {
			long now = System.nanoTime();
			if (now - this.lookedAt >= CLIENT_LOOK_NANOS) {
				this.lookedAt = now;
				this.ended = this.clientGone.getAsBoolean();
			}
		}
		return this.ended;
	}

	/**
	 * Runs {@code action} when the request ends ({@link #end()}): what the request holds
	 * until its last byte is written, or its client is cut, given back then.
	 * @param action what to do once, at the end
	 */
	public void atEnd(Runnable action) {
		this.atEnd.add(action);
		if (this.over) {
			// the request ended before: not left waiting for an end that has been
			runAtEnd();
		}
	}

	/** The request ended: work still under way for it stops at its next look. */
	public void end() {
		this.ended = true;
		this.over = true;
		runAtEnd();
	}

	private void runAtEnd() {
		Runnable action;
		while ((action = this.atEnd.poll()) != null) {
			action.run();
		}
	}

}
