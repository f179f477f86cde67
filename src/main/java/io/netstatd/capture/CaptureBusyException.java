package io.netstatd.capture;

/**
 * Another capture runs: one at a time. A 503 problem with {@code Retry-After}.
 */
public class CaptureBusyException extends RuntimeException {

	private final long retryAfterSeconds;

	CaptureBusyException(long retryAfterSeconds) {
		super("Another capture is running (one at a time); it ends within " + retryAfterSeconds + " s.", null, false,
				false);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** When the running capture ends, at the latest, in seconds. */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
