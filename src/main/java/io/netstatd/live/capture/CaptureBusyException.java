package io.netstatd.live.capture;

import io.netstatd.support.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Another capture runs: one at a time. A 503 problem with {@code Retry-After}.
 */
public class CaptureBusyException extends Refusal {

	CaptureBusyException(long retryAfterSeconds) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Capture running",
				"Another capture is running (one at a time); it ends within " + retryAfterSeconds + " s.");
		retryAfter(retryAfterSeconds);
	}

}
