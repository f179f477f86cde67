package io.netstatd.streams;

/** Every stream the service allows is open: a 503 with Retry-After. */
public class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(int maxOpen) {
		super("All " + maxOpen + " live streams the service allows are open; try again later, or poll.");
	}

	TooManyStreamsException(String client, int maxPerClient, int maxOpen) {
		super("This client (" + client + ") has " + maxPerClient + " live streams open, the most one address may "
				+ "hold of the " + maxOpen
				+ " the service allows (netstatd.streams.max-per-client); close one, or poll.");
	}

}
