package io.netstatd.support.limits;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * A bound on the requests that cost a walk of every socket, process or namespace: a full
 * socket list, owners, name resolution, every namespace. Beyond
 * {@code netstatd.limits.expensive-requests} at once the answer is an immediate 503
 * problem with {@code Retry-After}, never a pile-up of walks that would slow every caller
 * down. The walk takes its place ({@link #enter(boolean, Deadline)}) where its query says
 * whether it is one.
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

	/**
	 * Takes a place for a walk, when it is one, without waiting: the walk gives it back
	 * when it is done ({@link Place#close()}), and the request's end gives it back
	 * whatever happened.
	 * @param expensive whether the request walks every socket, process or namespace
	 * @param deadline the request's deadline, which ends with it
	 * @return the place; an empty one for a request that walks nothing
	 * @throws TooBusyException when every place is taken
	 */
	public Place enter(boolean expensive, Deadline deadline) {
		if (!expensive) {
			return new Place(null);
		}
		enter();
		Place place = new Place(this);
		deadline.atEnd(place::close);
		return place;
	}

	/** A place among the expensive walks, given back once. */
	public static final class Place implements AutoCloseable {

		private final AtomicReference<ExpensiveRequests> held;

		private Place(ExpensiveRequests held) {
			this.held = new AtomicReference<>(held);
		}

		/** Gives the place back; again, nothing. */
		@Override
		public void close() {
			ExpensiveRequests requests = this.held.getAndSet(null);
			if (requests != null) {
				requests.release();
			}
		}

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
