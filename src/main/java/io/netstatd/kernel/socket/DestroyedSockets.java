package io.netstatd.kernel.socket;

import java.util.List;

/**
 * Sockets the kernel destroys, as it announces them (the sock_diag destroy groups,
 * {@code ss -E}): every one, the short-lived ones included, where this service may listen
 * (sockets read from {@code /proc} through sock_diag; no capability is needed); otherwise
 * nothing, and closes are known only from snapshots.
 */
public interface DestroyedSockets {

	/** Where no notices can be had. */
	DestroyedSockets NONE = new DestroyedSockets() {

		@Override
		public Subscription subscribe() {
			return null;
		}

		@Override
		public long lost() {
			return 0;
		}

		@Override
		public String source() {
			return "snapshot";
		}

	};

	/**
	 * Starts receiving: the listener runs while some subscription is open.
	 * @return the subscription, or null where notices cannot be had
	 */
	Subscription subscribe();

	/**
	 * Takes in the notices the kernel has queued for this service by now, so that an
	 * answer given next counts every socket destroyed before it was asked: after a burst,
	 * notices wait in the socket's receive queue for seconds. Every subscription has them
	 * when this returns true.
	 * @param timeout how long to wait for the listener
	 * @return whether every notice queued when called was taken in; false when the
	 * listener did not finish in time
	 */
	default boolean catchUp(java.time.Duration timeout) {
		return true;
	}

	/**
	 * Notices the kernel could not deliver (ENOBUFS) since the service started.
	 * @return how many times the kernel reported some lost
	 */
	long lost();

	/**
	 * Where closes come from: {@code kernel} (notices) or {@code snapshot} (diffs).
	 * @return the source
	 */
	String source();

	/** One consumer's share of the notices, bounded; closed when the consumer leaves. */
	interface Subscription extends AutoCloseable {

		/**
		 * The sockets destroyed since the last call, oldest first.
		 * @return the sockets
		 */
		List<InetSocket> drain();

		/**
		 * Notices missed since the last call: the subscription's queue was full, or the
		 * kernel dropped some (ENOBUFS); -1 when the kernel did not say how many.
		 * @return how many were missed, 0 for none
		 */
		long missed();

		/**
		 * Whether the notices queued from now on keep their {@code tcp_info}, the most of
		 * a notice (about 320 of its 470 bytes): a consumer that shows no counters holds
		 * a second of notices, 6,000 at 6,000 closes a second, without it. They keep it
		 * unless told otherwise.
		 * @param keep whether to keep it
		 */
		void keepTcpInfo(boolean keep);

		@Override
		void close();

	}

}
