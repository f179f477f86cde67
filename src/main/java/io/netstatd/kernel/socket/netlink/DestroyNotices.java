package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SockDiagDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the sock_diag destroy groups ({@code SKNLGRP_INET_TCP_DESTROY},
 * {@code SKNLGRP_INET_UDP_DESTROY}, {@code SKNLGRP_INET6_TCP_DESTROY},
 * {@code SKNLGRP_INET6_UDP_DESTROY}: groups 1 to 4 of {@code NETLINK_SOCK_DIAG},
 * {@code include/uapi/linux/sock_diag.h}), which any user may join (the family is made
 * with {@code NL_CFG_F_NONROOT_RECV}, {@code net/core/sock_diag.c}). One thread of the
 * {@code notices} pool reads while a subscription is open, into a receive buffer of
 * {@link #RECEIVE_BUFFER} (forced past {@code rmem_max} where {@code CAP_NET_ADMIN}
 * allows, else as large as it allows), and hands every notice to every subscription's
 * queue; it ends within {@link #POLL_MILLIS} of the last subscription's close. When the
 * kernel could not queue notices it says ENOBUFS: each subscription is told it missed
 * some, and {@link #lost()} counts it.
 */
public final class DestroyNotices implements DestroyedSockets {

	/** Groups 1 to 4, as {@code sockaddr_nl.nl_groups} bits (group n is bit n - 1). */
	static final int GROUPS = 0b1111;

	static final int RECEIVE_BUFFER = 8 << 20;

	static final long POLL_MILLIS = 200;

	/** A subscription's queue: past it, notices are counted as missed, not kept. */
	static final int QUEUE = 100_000;

	private static final Logger log = LoggerFactory.getLogger(DestroyNotices.class);

	private final Set<Queue> subscriptions = new CopyOnWriteArraySet<>();

	private final AtomicLong lost = new AtomicLong();

	private final Executor readers;

	/** Whether a reader runs or is about to. */
	private boolean reading;

	/** Callers waiting for the notices queued in the socket to be taken in. */
	private final List<CompletableFuture<Void>> catchUps = new ArrayList<>();

	private DestroyNotices(Executor readers) {
		this.readers = readers;
	}

	/**
	 * The listener, where this process may join the groups; {@link DestroyedSockets#NONE}
	 * otherwise, with the reason in the log.
	 * @param readers where the reader runs ({@code notices} pool)
	 * @return the source of destroyed sockets
	 */
	public static DestroyedSockets probe(Executor readers) {
		try {
			LibC.close(open());
			log.info("closed connections come from the kernel's sock_diag destroy notices");
			return new DestroyNotices(readers);
		}
		catch (NetlinkException ex) {
			log.info("closed connections come from snapshots only: {}", ex.getMessage());
			return NONE;
		}
	}

	@Override
	public synchronized Subscription subscribe() {
		Queue queue = new Queue();
		this.subscriptions.add(queue);
		if (!this.reading) {
			startReader();
		}
		return queue;
	}

	/** Starts a reader; the caller holds this object's lock. */
	private void startReader() {
		try {
			this.readers.execute(this::read);
			this.reading = true;
		}
		catch (RejectedExecutionException ex) {
			// both of the pool's threads busy (a reader ending, one starting): the
			// subscribers are told they may miss notices, and the next subscription tries
			// again
			log.warn("cannot start the destroy notice reader: {}", ex.getMessage());
			this.subscriptions.forEach((queue) -> queue.miss(-1));
		}
	}

	@Override
	public boolean catchUp(Duration timeout) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		synchronized (this) {
			if (!this.reading) {
				// no one listens: nothing is queued for this service
				return true;
			}
			synchronized (this.catchUps) {
				this.catchUps.add(done);
			}
		}
		try {
			done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException | ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public long lost() {
		return this.lost.get();
	}

	@Override
	public String source() {
		return "kernel";
	}

	private void read() {
		int fd;
		try {
			fd = open();
		}
		catch (NetlinkException ex) {
			log.warn("cannot listen to destroy notices: {}", ex.getMessage());
			this.subscriptions.forEach((queue) -> queue.miss(-1));
			stopped(false);
			return;
		}
		ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024).order(ByteOrder.nativeOrder());
		List<InetSocket> received = new ArrayList<>();
		boolean ended = false;
		try {
			while (!lastGone()) {
				if (Thread.currentThread().isInterrupted()) {
					// the pool stops with the context: the reader ends within a poll's
					// wait
					stopped(false);
					break;
				}
				receiveAndHandOut(fd, buffer, received, 0);
				List<CompletableFuture<Void>> waiting = takeCatchUps();
				if (!waiting.isEmpty()) {
					// everything queued by now, without waiting for more
					while (receiveAndHandOut(fd, buffer, received, LibC.MSG_DONTWAIT)) {
						// until the socket would block
					}
					waiting.forEach((done) -> done.complete(null));
				}
			}
			ended = true;
		}
		finally {
			LibC.close(fd);
			takeCatchUps().forEach((waiting) -> waiting.complete(null));
			if (!ended) {
				stopped(true);
			}
		}
	}

	/**
	 * Whether the last subscriber has gone: then the reader ends, and says so at once.
	 */
	private synchronized boolean lastGone() {
		if (this.subscriptions.isEmpty()) {
			this.reading = false;
			return true;
		}
		return false;
	}

	private List<CompletableFuture<Void>> takeCatchUps() {
		synchronized (this.catchUps) {
			List<CompletableFuture<Void>> waiting = List.copyOf(this.catchUps);
			this.catchUps.clear();
			return waiting;
		}
	}

	/**
	 * Receives one buffer and hands its notices to every subscription.
	 * @return whether a buffer was received: false after a poll's wait or EAGAIN
	 */
	private boolean receiveAndHandOut(int fd, ByteBuffer buffer, List<InetSocket> received, int flags) {
		received.clear();
		boolean any = receive(fd, buffer, received, flags);
		if (!received.isEmpty()) {
			this.subscriptions.forEach((queue) -> queue.add(received));
		}
		return any;
	}

	/**
	 * One buffer's notices, or none after a poll's wait; ENOBUFS noted and passed.
	 * @return whether a buffer (or an ENOBUFS) was received: false when none was queued
	 */
	private boolean receive(int fd, ByteBuffer buffer, List<InetSocket> received, int flags) {
		try {
			buffer.clear();
			int length = LibC.recv(fd, buffer, new NativeLong(buffer.capacity()), flags).intValue();
			if (length > 0) {
				DestroyNoticeParser.parse(buffer, length, received::add);
			}
			return length > 0;
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == LibC.ENOBUFS) {
				this.lost.incrementAndGet();
				this.subscriptions.forEach((queue) -> queue.miss(-1));
				return true;
			}
			else if (ex.getErrorCode() != LibC.EAGAIN) {
				throw new NetlinkException("destroy notices: errno " + ex.getErrorCode(), ex);
			}
			return false;
		}
		catch (NetlinkException ex) {
			// a notice cut short: the rest of this buffer is lost, the next is read
			this.subscriptions.forEach((queue) -> queue.miss(-1));
			return true;
		}
	}

	/**
	 * The reader failed: a later subscription starts another, or, when some are still
	 * open and {@code restart}, one starts now.
	 */
	private synchronized void stopped(boolean restart) {
		this.reading = false;
		if (restart && !this.subscriptions.isEmpty()) {
			startReader();
		}
	}

	private static int open() {
		int fd = -1;
		try {
			fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_SOCK_DIAG);
			// a poll's wait, so that the reader sees when the last subscriber has gone
			LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, new long[] { 0, POLL_MILLIS * 1000 }, 16);
			try {
				LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, new int[] { RECEIVE_BUFFER }, 4);
			}
			catch (LastErrorException ex) {
				LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, new int[] { RECEIVE_BUFFER }, 4);
			}
			// struct sockaddr_nl: family, pad, pid 0 (the kernel picks), the groups
			byte[] address = new byte[12];
			ByteBuffer.wrap(address)
				.order(ByteOrder.nativeOrder())
				.putShort((short) LibC.AF_NETLINK)
				.putShort((short) 0)
				.putInt(0)
				.putInt(GROUPS);
			LibC.bind(fd, address, address.length);
			return fd;
		}
		catch (LastErrorException | UnsatisfiedLinkError | NoClassDefFoundError ex) {
			if (fd >= 0) {
				LibC.close(fd);
			}
			String why = (ex instanceof LastErrorException error && error.getErrorCode() == 1)
					? "the kernel refused to let this process join them (EPERM)" : String.valueOf(ex.getMessage());
			throw new NetlinkException("cannot join the sock_diag destroy groups: " + why, ex);
		}
	}

	/** One subscription's notices. */
	private final class Queue implements Subscription {

		private final ArrayDeque<InetSocket> sockets = new ArrayDeque<>();

		private long missed;

		private boolean tcpInfo = true;

		synchronized void add(List<InetSocket> received) {
			for (InetSocket socket : received) {
				if (this.sockets.size() < QUEUE) {
					this.sockets.add(this.tcpInfo ? socket : withoutTcpInfo(socket));
				}
				else if (this.missed >= 0) {
					this.missed++;
				}
			}
		}

		synchronized void miss(long count) {
			this.missed = (count < 0 || this.missed < 0) ? -1 : this.missed + count;
		}

		@Override
		public synchronized List<InetSocket> drain() {
			List<InetSocket> drained = new ArrayList<>(this.sockets);
			this.sockets.clear();
			return drained;
		}

		@Override
		public synchronized void keepTcpInfo(boolean keep) {
			this.tcpInfo = keep;
		}

		private static InetSocket withoutTcpInfo(InetSocket socket) {
			SockDiagDetails d = socket.details();
			if (d == null || d.tcpInfo() == null) {
				return socket;
			}
			return socket
				.withDetails(new SockDiagDetails(d.cookie(), d.cgroupId(), d.mark(), null, d.memory(), d.backlog()));
		}

		@Override
		public synchronized long missed() {
			long count = this.missed;
			this.missed = 0;
			return count;
		}

		@Override
		public void close() {
			DestroyNotices.this.subscriptions.remove(this);
		}

	}

}
