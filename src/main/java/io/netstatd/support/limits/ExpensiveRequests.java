package io.netstatd.support.limits;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * A bound on the requests that cost a walk of every socket, process or namespace: a full
 * socket list, owners, name resolution, every namespace. Beyond
 * {@code netstatd.limits.expensive-requests} at once the answer is an immediate 503
 * problem with {@code Retry-After}, never a pile-up of walks that would slow every caller
 * down. Whether a request is one is its bound query's to say.
 */
@Component
public class ExpensiveRequests {

	private final Semaphore permits;

	public ExpensiveRequests(LimitsProperties properties) {
		this.permits = new Semaphore(properties.expensiveRequests());
	}

	/**
	 * Takes a place, without waiting.
	 * @throws TooBusyException when every place is taken
	 */
	public void enter() {
		if (!tryAcquire()) {
			throw new TooBusyException();
		}
	}

	/**
	 * Takes a place if one is free, without waiting.
	 * @return whether one was taken
	 */
	public boolean tryAcquire() {
		return this.permits.tryAcquire();
	}

	/** Gives a place back. */
	public void release() {
		this.permits.release();
	}

	/** The service is at its bound of expensive requests: a 503 with Retry-After. */
	public static class TooBusyException extends RuntimeException {

		/** Too many walks under way: try again in a second. */
		public TooBusyException() {
			this("Too many socket or process walks are under way; try again in a second.");
		}

		TooBusyException(String message) {
			super(message, null, false, false);
		}

	}

}
