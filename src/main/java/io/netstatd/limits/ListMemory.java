package io.netstatd.limits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A bound on the memory the socket lists hold at once
 * ({@code netstatd.limits.list-memory}). A gathered list (sorted, with names or owners,
 * or as text; one written as read holds no rows) holds its rows from the read until its
 * last byte is written, or its client is cut; at 60,000 sockets that is about 10 MB, and
 * 50 MB with {@code tcp_info}. Four such lists at once (the bound on expensive requests),
 * or a few clients that ask for one and do not read, filled the 128 MB heap and ended the
 * JVM. Each list reserves what it will hold before it reads (from the kernel's socket
 * totals) and again once it has read; one that does not fit beside those under way is a
 * 503 with {@code Retry-After}, which names the bound and how to ask for less. The
 * reservation ends with the request, however it ends.
 */
@Component
public class ListMemory {

	private final long budget;

	private long held;

	@Autowired
	public ListMemory(LimitsProperties limits) {
		this(limits.listMemory().toBytes());
	}

	/**
	 * A bound of {@code budget} bytes.
	 * @param budget the bytes the lists may hold at once
	 */
	ListMemory(long budget) {
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
		Reservation reservation = new Reservation();
		reservation.resize(bytes);
		request.atEnd(reservation::release);
		return reservation;
	}

	/**
	 * The bytes held now.
	 * @return the bytes
	 */
	public synchronized long held() {
		return this.held;
	}

	private synchronized void change(long from, long to) {
		if (to > from && this.held - from + to > this.budget) {
			throw new ExpensiveRequests.TooBusyException(String.format(
					"The socket lists being answered would hold %d MB with this one, beyond the bound of %d MB "
							+ "(netstatd.limits.list-memory); try again in a second, or ask for fewer rows "
							+ "(port, state, localAddress, remoteAddress) or without info and memory.",
					mb(this.held - from + to), mb(this.budget)));
		}
		this.held += to - from;
	}

	private static long mb(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	/** What one list holds. */
	public final class Reservation {

		private long bytes;

		private boolean released;

		private Reservation() {
		}

		/**
		 * Makes the reservation {@code bytes}, more or less than it was.
		 * @param bytes what the list holds
		 * @throws ExpensiveRequests.TooBusyException when more does not fit
		 */
		public void resize(long bytes) {
			synchronized (ListMemory.this) {
				if (this.released) {
					return;
				}
				change(this.bytes, bytes);
				this.bytes = bytes;
			}
		}

		/** Gives the reservation back; again is nothing. */
		public void release() {
			synchronized (ListMemory.this) {
				if (!this.released) {
					this.released = true;
					change(this.bytes, 0);
				}
			}
		}

	}

}
