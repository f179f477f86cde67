package io.netstatd.streams;

/** Every stream the service allows is open: a 503 with Retry-After. */
public class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(int maxOpen) {
		super("All " + maxOpen + " live streams the service allows are open; try again later, or poll.");
	}

}
