package io.netstatd.capture;

/**
 * The kernel refused a step of setting up or reading a capture (no such interface any
 * more, no memory for the ring): a 503 problem naming the step and the error.
 */
public class CaptureFailedException extends RuntimeException {

	CaptureFailedException(String step, com.sun.jna.LastErrorException cause) {
		super("The capture failed at " + step + ": " + cause.getMessage(), null, false, false);
	}

}
