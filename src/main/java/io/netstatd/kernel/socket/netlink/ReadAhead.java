package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;

/**
 * A dump's buffers received on a thread of their own while the caller parses and writes
 * the ones before: the kernel's walk (half of a list's time at 60,000 sockets) runs on
 * one core while the response is written on the other. Paired at 60,000 sockets, a list
 * written as read took 0.78-0.83 of the time received in line; a count, whose work per
 * buffer is a tenth of a list's, took 1.05-1.08, so counts do not ask for it.
 * <p>
 * Bounded everywhere: at most as many receivers at once as the {@code dumps} pool has
 * threads (beyond, the dump is received in line), {@value #QUEUED} buffers ahead of the
 * parser, {@value #POOLED} kept for the next dumps. The receiver stops when the caller
 * does, however it stops (done, an error, its request's deadline or client gone), before
 * the socket is closed.
 */
final class ReadAhead {

	static final int QUEUED = 8;

	static final int POOLED = 16;

	/** How long a receiver may take to see that its caller stopped. */
	private static final long STOP_SECONDS = 5;

	private static final Queue<ByteBuffer> pool = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<Object> received = new ArrayBlockingQueue<>(QUEUED);

	private final CountDownLatch over = new CountDownLatch(1);

	private volatile boolean stop;

	private ReadAhead() {
	}

	/**
	 * Receives the answer to the request sent on {@code fd} ahead of {@code parser},
	 * which gets each buffer in order, until it says the dump is done.
	 * @param fd the netlink socket, the request sent; closed by the caller after
	 * @param parser what each buffer goes to
	 * @param receivers where the receiver runs
	 * @return false, having received nothing, when no receiver is free
	 * @throws NetlinkException when the kernel or the socket failed
	 */
	static boolean receive(int fd, SockDiag.Parser parser, Executor receivers) {
		ReadAhead ahead = new ReadAhead();
		try {
			receivers.execute(() -> ahead.receive(fd));
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
		ahead.parse(parser);
		return true;
	}

	private void parse(SockDiag.Parser parser) {
		try {
			InetDiagParser.Outcome outcome = InetDiagParser.Outcome.MORE;
			while (outcome == InetDiagParser.Outcome.MORE) {
				Object next = this.received.take();
				if (next instanceof NetlinkException failed) {
					throw failed;
				}
				Received buffer = (Received) next;
				outcome = parser.parse(buffer.bytes(), buffer.length());
				if (pool.size() < POOLED) {
					pool.offer(buffer.bytes());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NetlinkException("interrupted while receiving a sock_diag dump");
		}
		finally {
			this.stop = true;
			this.received.clear();
			awaitReceiver();
		}
	}

	private void awaitReceiver() {
		try {
			this.over.await(STOP_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void receive(int fd) {
		try {
			boolean last = false;
			while (!last && !this.stop) {
				ByteBuffer bytes = pool.poll();
				if (bytes == null) {
					bytes = ByteBuffer.allocateDirect(SockDiag.BUFFER).order(ByteOrder.nativeOrder());
				}
				bytes.clear();
				int length = LibC.recv(fd, bytes, new NativeLong(SockDiag.BUFFER), 0).intValue();
				if (length <= 0) {
					hand(new NetlinkException("sock_diag dump ended without NLMSG_DONE"));
					return;
				}
				last = ends(bytes, length);
				hand(new Received(bytes, length));
			}
		}
		catch (LastErrorException ex) {
			hand(new NetlinkException("sock_diag failed: errno " + ex.getErrorCode(), ex));
		}
		catch (RuntimeException ex) {
			hand(new NetlinkException("sock_diag failed: " + ex, ex));
		}
		finally {
			this.over.countDown();
		}
	}

	/** Queues {@code item} for the parser, unless it has stopped. */
	private void hand(Object item) {
		try {
			while (!this.stop && !this.received.offer(item, 50, TimeUnit.MILLISECONDS)) {
				// the parser is behind: wait for it, or for its end
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stop = true;
		}
	}

	/**
	 * Whether the buffer ends the dump: {@code NLMSG_DONE}, or an error the parser will
	 * throw. Only the headers are read.
	 */
	private static boolean ends(ByteBuffer bytes, int length) {
		try {
			return NetlinkMessages.forEach(bytes, length, SockDiag.BUFFER, (data, payload, end) -> {
			}) == InetDiagParser.Outcome.DONE;
		}
		catch (NetlinkException ex) {
			return true;
		}
	}

	private record Received(ByteBuffer bytes, int length) {

	}

}
