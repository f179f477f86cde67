package io.netstatd.live.capture;

import io.netstatd.support.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * The kernel refused a step of setting up or reading a capture (no such interface any
 * more, no memory for the ring): a 503 problem naming the step and the error.
 */
public class CaptureFailedException extends Refusal {

	CaptureFailedException(String step, com.sun.jna.LastErrorException cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Capture failed",
				"The capture failed at " + step + ": " + cause.getMessage());
	}

}
