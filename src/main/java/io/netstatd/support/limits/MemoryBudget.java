package io.netstatd.support.limits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one bound on what the service holds beyond a buffer
 * ({@code netstatd.limits.memory}, by default half the heap): every holder of rows
 * reserves from it before it holds them and gives its reservation back when it lets them
 * go. Gathered socket lists hold their rows from the read until their last byte is
 * written (about 10 MB at 60,000 sockets, 50 MB with {@code tcp_info}); the shared tables
 * of the live streams hold a table each for as long as a stream watches it. Without one
 * bound, four lists at once, a few clients that did not read, or sixteen streams on a
 * churning host each held their own copy and ended the JVM with an
 * {@code OutOfMemoryError}. What does not fit beside what is held is refused: a request
 * gets a 503 with {@code Retry-After} that names the budget and how to ask for less, a
 * stream a last {@code overflow} event.
 */
@Component
public class MemoryBudget {

	private final long budget;

	private long held;

	@Autowired
	public MemoryBudget(LimitsProperties limits) {
		this(limits.memoryBytes(Runtime.getRuntime().maxMemory()));
	}

	/**
	 * A budget of {@code budget} bytes.
	 * @param budget the bytes that may be held at once
	 */
	MemoryBudget(long budget) {
		this.budget = budget;
	}

	/**
	 * Reserves {@code bytes} for a list of {@code request}, until the request ends.
	 * @param bytes what the list is expected to hold
	 * @param request the request's deadline, whose end gives the reservation back
	 * @return the reservation, to resize once the rows are read
	 * @throws ExpensiveRequests.TooBusyException when it does not fit
	 */
	public Reservation reserve(long bytes, Deadline request) {
		Reservation reservation = reserve(bytes, "socket list");
		request.atEnd(reservation::release);
		return reservation;
	}

	/**
	 * Reserves {@code bytes} for {@code holder}, until the holder releases it.
	 * @param bytes what it is expected to hold
	 * @param holder what holds it, named in a refusal ({@code "live stream table"})
	 * @return the reservation, to resize and release
	 * @throws ExpensiveRequests.TooBusyException when it does not fit
	 */
	public Reservation reserve(long bytes, String holder) {
		Reservation reservation = new Reservation(holder);
		reservation.resize(bytes);
		return reservation;
	}

	/**
	 * The bytes held now.
	 * @return the bytes
	 */
	public synchronized long held() {
		return this.held;
	}

	/**
	 * The bytes that may be held at once.
	 * @return the budget
	 */
	public long budget() {
		return this.budget;
	}

	private synchronized void change(String holder, long from, long to) {
		if (to > from && this.held - from + to > this.budget) {
			throw new ExpensiveRequests.TooBusyException(String.format(
					"What the service holds would reach %d MB with this %s, beyond its memory budget of %d MB "
							+ "(netstatd.limits.memory); try again in a second, or ask for fewer rows "
							+ "(port, state, localAddress, remoteAddress) or without info and memory.",
					mb(this.held - from + to), holder, mb(this.budget)));
		}
		this.held += to - from;
	}

	private static long mb(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	/** What one holder holds. */
	public final class Reservation {

		private final String holder;

		private long bytes;

		private boolean released;

		private Reservation(String holder) {
			this.holder = holder;
		}

		/**
		 * Makes the reservation {@code bytes}, more or less than it was.
		 * @param bytes what the holder holds
		 * @throws ExpensiveRequests.TooBusyException when more does not fit
		 */
		public void resize(long bytes) {
			synchronized (MemoryBudget.this) {
				if (this.released) {
					return;
				}
				change(this.holder, this.bytes, bytes);
				this.bytes = bytes;
			}
		}

		/** Gives the reservation back; again is nothing. */
		public void release() {
			synchronized (MemoryBudget.this) {
				if (!this.released) {
					this.released = true;
					change(this.holder, this.bytes, 0);
				}
			}
		}

	}

}
