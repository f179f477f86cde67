package io.netstatd.support.limits;

import java.time.Duration;

/**
 * A request ran past its deadline: answered with a 503 problem and {@code Retry-After},
 * not left to hold a thread.
 */
public class DeadlineExceededException extends RuntimeException {

	public DeadlineExceededException(String work, Duration timeout) {
		super("The request ran past its deadline of " + timeout.toMillis() + " ms while " + work
				+ "; the host is busy or very large. Try again, or ask for less (processes=false, a filter).");
	}

}
