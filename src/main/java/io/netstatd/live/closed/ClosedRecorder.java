package io.netstatd.live.closed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.IntPredicate;

import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.limits.MemoryBudget;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps the TCP connections the kernel destroyed, newest last, in a ring of
 * {@code netstatd.closed.capacity} (100,000) entries, and counts closes and bytes per
 * local port for the metrics; each scrape keeps the counts of the ports listening then
 * and drops the others (clients' ephemeral ports), so that the counts stay bounded (at
 * most one entry per port, about 6 MB if every port closed connections between two
 * scrapes). It holds a destroy-notice subscription for the service's life where notices
 * can be had and the capacity is not 0; else it keeps nothing and {@link #recording()}
 * says so.
 */
@Component
public class ClosedRecorder {

	/**
	 * How long an answer waits for the notices queued in the kernel to be taken in: past
	 * it, the answer says it may be incomplete.
	 */
	static final Duration CATCH_UP = Duration.ofSeconds(2);

	private final DestroyedSockets destroyed;

	private final DestroyedSockets.Subscription notices;

	private final ClosedConnection[] ring;

	private final long startedAt = System.nanoTime();

	private final Map<Integer, long[]> byPort = new HashMap<>();

	private final ScheduledFuture<?> drains;

	private int next;

	private long recorded;

	/** When notices were last missed: a window reaching back past it is incomplete. */
	private long missedAt;

	private boolean missed;

	/**
	 * What a close in the ring holds: its record, its addresses, the ring's slot.
	 */
	static final long BYTES_PER_CLOSE = 120;

	/**
	 * A recorder of {@code properties.capacity()} closes, drained every 100 ms on
	 * {@code drainer}. Where it records, its ring is reserved whole from the memory
	 * budget, for the service's life.
	 * @param destroyed the notices
	 * @param properties the ring's capacity
	 * @param drainer the {@code closed} pool, or null to drain only when asked (tests)
	 * @param memory the budget, or null (tests)
	 */
	public ClosedRecorder(DestroyedSockets destroyed, ClosedProperties properties,
			@Qualifier("closed") TaskScheduler drainer, MemoryBudget memory) {
		this.destroyed = destroyed;
		this.notices = (properties.capacity() > 0) ? destroyed.subscribe() : null;
		if (this.notices != null && memory != null) {
			// a budget too small for the ring stops the start, naming the property
			memory.reserve(properties.capacity() * BYTES_PER_CLOSE, "ring of closes (netstatd.closed.capacity)");
		}
		this.ring = new ClosedConnection[Math.max(properties.capacity(), 0)];
		this.drains = (this.notices != null && drainer != null)
				? drainer.scheduleWithFixedDelay(this::drain, Duration.ofMillis(100)) : null;
	}

	/**
	 * Whether closes are recorded here (notices to be had, capacity not 0).
	 * @return whether they are
	 */
	public boolean recording() {
		return this.notices != null;
	}

	synchronized void drain() {
		long now = System.nanoTime();
		if (this.notices.missed() != 0) {
			this.missed = true;
			this.missedAt = now;
		}
		for (InetSocket socket : this.notices.drain()) {
			ClosedConnection closed = ClosedConnection.of(socket, now);
			if (closed != null) {
				record(closed);
			}
		}
	}

	synchronized void record(ClosedConnection closed) {
		this.ring[this.next] = closed;
		this.next = (this.next + 1) % this.ring.length;
		this.recorded++;
		long[] counts = this.byPort.computeIfAbsent(closed.localPort(), (p) -> new long[3]);
		counts[0]++;
		counts[1] += closed.bytesSent();
		counts[2] += closed.bytesReceived();
	}

	/**
	 * The connections closed since {@code since} ({@link System#nanoTime()}), oldest
	 * first, and whether that is all of them. The notices the kernel has queued by now
	 * are taken in first: right after a burst of 20,000 closes, half of them still waited
	 * in the socket, and the answer counted the other half as complete.
	 * @param since the window's start
	 * @return the window
	 */
	Window since(long since) {
		boolean caughtUp = this.destroyed.catchUp(CATCH_UP);
		drain();
		return window(since, caughtUp);
	}

	/**
	 * The connections closed since {@code since} whose local port {@code localPort}
	 * accepts, summed per remote address: how many, the bytes received and sent on them.
	 * @param since the window's start, {@link System#nanoTime()}
	 * @param localPort which local ports count
	 * @return the sums, and whether they hold every close
	 */
	public ByRemote byRemote(long since, IntPredicate localPort) {
		Window window = since(since);
		Map<IpAddress, long[]> sums = new HashMap<>();
		for (ClosedConnection c : window.closed()) {
			if (localPort.test(c.localPort())) {
				long[] sum = sums.computeIfAbsent(c.remoteAddress(), (ip) -> new long[3]);
				sum[0]++;
				sum[1] += c.bytesReceived();
				sum[2] += c.bytesSent();
			}
		}
		return new ByRemote(sums, window.complete());
	}

	private synchronized Window window(long since, boolean caughtUp) {
		List<ClosedConnection> closed = new ArrayList<>();
		int kept = (int) Math.min(this.recorded, this.ring.length);
		for (int i = 0; i < kept; i++) {
			ClosedConnection c = this.ring[Math.floorMod(this.next - kept + i, this.ring.length)];
			if (c.at() - since >= 0) {
				closed.add(c);
			}
		}
		// the oldest kept is inside the window and the ring has wrapped: older ones are
		// gone
		boolean wrapped = this.recorded > this.ring.length && !closed.isEmpty() && closed.size() == kept;
		boolean complete = caughtUp && !wrapped && since - this.startedAt >= 0
				&& (!this.missed || since - this.missedAt > 0);
		return new Window(closed, complete);
	}

	/**
	 * Closes, bytes sent and bytes received per listening port since the service started
	 * (or since the port last listened); the counts of ports not listening now are
	 * dropped.
	 * @param listening the ports listening now
	 * @return the counts by port
	 */
	public synchronized Map<Integer, long[]> totalsByPort(Set<Integer> listening) {
		this.byPort.keySet().retainAll(listening);
		Map<Integer, long[]> copy = new HashMap<>();
		this.byPort.forEach((port, counts) -> copy.put(port, counts.clone()));
		return copy;
	}

	@PreDestroy
	void stop() {
		if (this.drains != null) {
			this.drains.cancel(false);
		}
		if (this.notices != null) {
			this.notices.close();
		}
	}

	/** The connections closed in a window, and whether none is missing. */
	record Window(List<ClosedConnection> closed, boolean complete) {

	}

	/**
	 * Closes summed per remote address.
	 *
	 * @param sums per address: how many, bytes received, bytes sent
	 * @param complete whether every close of the window is counted
	 */
	public record ByRemote(Map<IpAddress, long[]> sums, boolean complete) {

	}

}
