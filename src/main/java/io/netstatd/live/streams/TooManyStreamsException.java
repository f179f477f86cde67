package io.netstatd.live.streams;

import io.netstatd.support.problem.Refusal;

import org.springframework.http.HttpStatus;

/** Every stream the service allows is open: a 503 with Retry-After. */
public class TooManyStreamsException extends Refusal {

	private static final String TITLE = "Too many streams";

	TooManyStreamsException(int maxOpen) {
		super(HttpStatus.SERVICE_UNAVAILABLE, TITLE,
				"All " + maxOpen + " live streams the service allows are open; try again later, or poll.");
		retryAfter(10);
	}

	TooManyStreamsException(String client, int maxPerClient, int maxOpen) {
		super(HttpStatus.SERVICE_UNAVAILABLE, TITLE,
				"This client (" + client + ") has " + maxPerClient + " live streams open, the most one address may "
						+ "hold of the " + maxOpen
						+ " the service allows (netstatd.streams.max-per-client); close one, or poll.");
		retryAfter(10);
	}

}
