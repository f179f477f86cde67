package io.netstatd.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netstatd.limits.ExpensiveRequests;
import io.netstatd.limits.MemoryBudget;
import io.netstatd.netns.NamespaceChoice;
import io.netstatd.socket.DestroyedSockets;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.SocketSelection;
import io.netstatd.socket.SocketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One reader for every live connection stream: the streams that watch the same namespace
 * at the same interval share one ticker, which reads the socket table once per interval,
 * computes what changed once, on the whole table, and hands the same {@link Tick} to each
 * subscriber, which filters it by its own selection. The kernel's destroy notices come
 * through one subscription per ticker. A subscriber holds its selection and its position,
 * never a copy of the table: sixteen streams on a host of 20,000 churning sockets cost
 * one table and one read a second, not sixteen (which ended the JVM).
 * <p>
 * Each ticker's table reserves its rows from the {@link MemoryBudget}; when it no longer
 * fits, every subscriber of that ticker is ended with a last {@code overflow} event. A
 * ticker ends with its last subscriber.
 */
@Component
public class SharedTables {

	private static final Logger log = LoggerFactory.getLogger(SharedTables.class);

	private final SocketService sockets;

	private final DestroyedSockets destroyed;

	private final MemoryBudget memory;

	private final ScheduledExecutorService scheduler;

	private final Map<TickerKey, Ticker> tickers = new HashMap<>();

	public SharedTables(SocketService sockets, DestroyedSockets destroyed, MemoryBudget memory, EventStreams streams) {
		this.sockets = sockets;
		this.destroyed = destroyed;
		this.memory = memory;
		this.scheduler = streams.scheduler();
	}

	/**
	 * Subscribes to the table of {@code netns} read every {@code interval}: the
	 * subscriber's first tick is its baseline (at once when the table is already read,
	 * else at the next read, which is due at once), every later one what changed.
	 * @param netns the namespace; only the service's own has destroy notices
	 * @param protocols the tables the subscriber selects from
	 * @param interval how often
	 * @param subscriber where the ticks go, on the ticker's thread: it must not block
	 * @return the subscription, to close when the subscriber leaves
	 */
	public synchronized Subscription subscribe(NamespaceChoice netns, Set<Protocol> protocols, Duration interval,
			Subscriber subscriber) {
		TickerKey key = new TickerKey(netns, interval);
		Ticker ticker = this.tickers.get(key);
		// one that ended (its table past the budget, its read failed) is replaced
		if (ticker == null || ticker.ended) {
			ticker = new Ticker(key, this.memory.reserve(0, "live stream table"));
			this.tickers.put(key, ticker);
			ticker.start();
		}
		Member member = new Member(subscriber, Set.copyOf(protocols));
		ticker.join(member);
		Ticker joined = ticker;
		return () -> leave(joined, member);
	}

	/**
	 * Where the destroy notices of the service's own namespace come from.
	 * @return {@code kernel} or {@code snapshot}
	 */
	public String closesSource(NamespaceChoice netns) {
		return (netns.kind() == NamespaceChoice.Kind.OWN) ? this.destroyed.source() : "snapshot";
	}

	/**
	 * The tickers running now.
	 * @return how many tables are held
	 */
	public synchronized int tables() {
		return this.tickers.size();
	}

	private synchronized void leave(Ticker ticker, Member member) {
		if (ticker.leave(member)) {
			this.tickers.remove(ticker.key, ticker);
		}
	}

	private synchronized void ended(Ticker ticker) {
		this.tickers.remove(ticker.key, ticker);
	}

	/** A stream's share of a ticker; closing it twice is nothing. */
	@FunctionalInterface
	public interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

	/** What a ticker calls, on its own thread; none of it may block. */
	public interface Subscriber {

		/**
		 * The table was read: {@code first} is the subscriber's baseline, when it tells
		 * the table as it stands; after it, the tick's changes.
		 * @param tick the read and what it changed
		 * @param first whether this is the subscriber's first tick
		 */
		void tick(Tick tick, boolean first);

		/**
		 * The ticker ended: the table no longer fits the memory budget, or could not be
		 * read. No tick follows.
		 * @param why what to tell the client
		 * @param overflow whether it ended for the budget (else the read failed)
		 */
		void end(String why, boolean overflow);

	}

	/**
	 * One read of a shared table and what it changed.
	 *
	 * @param table the table as now read
	 * @param changes what changed since the last read; the snapshot's closes of sockets
	 * the kernel told of are left out
	 * @param destroyed the sockets the kernel destroyed since the last read, with how
	 * long the table had seen each
	 * @param missed destroy notices missed since the last read: -1 when the kernel did
	 * not say how many
	 */
	public record Tick(SocketTable table, List<SocketTable.Change> changes, List<Destroyed> destroyed, long missed) {

	}

	/**
	 * A socket the kernel destroyed.
	 *
	 * @param socket the socket, with its final counters
	 * @param livedSeconds how long since the table first saw it, or null when it never
	 * did
	 */
	public record Destroyed(InetSocket socket, Double livedSeconds) {

	}

	private record TickerKey(NamespaceChoice netns, Duration interval) {

	}

	private static final class Member {

		private final Subscriber subscriber;

		private final Set<Protocol> protocols;

		private boolean started;

		Member(Subscriber subscriber, Set<Protocol> protocols) {
			this.subscriber = subscriber;
			this.protocols = protocols;
		}

	}

	/** One table, read every interval, and its subscribers. */
	private final class Ticker implements Runnable {

		private final TickerKey key;

		private final MemoryBudget.Reservation held;

		private final List<Member> members = new CopyOnWriteArrayList<>();

		private final SocketTable table = new SocketTable();

		/** The tables the last read covered. */
		private Set<Protocol> read = Set.of();

		/**
		 * Sockets the kernel said it destroyed while the table still held them (the dump
		 * passed them before they went, or they are in TIME_WAIT): their close is told
		 * once, so the snapshot does not tell it again when they leave the table.
		 */
		private final Set<SocketTable.Key> toldByKernel = new HashSet<>();

		/** The sockets the last snapshot told closed: a late notice is not told again. */
		private Set<SocketTable.Key> closedBySnapshot = Set.of();

		private DestroyedSockets.Subscription notices;

		private ScheduledFuture<?> ticks;

		/**
		 * Read without the ticker's lock by {@link #subscribe}, which replaces it then.
		 */
		private volatile boolean ended;

		Ticker(TickerKey key, MemoryBudget.Reservation held) {
			this.key = key;
			this.held = held;
		}

		void start() {
			if (this.key.netns().kind() == NamespaceChoice.Kind.OWN) {
				this.notices = SharedTables.this.destroyed.subscribe();
			}
			this.ticks = SharedTables.this.scheduler.scheduleWithFixedDelay(this, 0, this.key.interval().toMillis(),
					TimeUnit.MILLISECONDS);
		}

		synchronized void join(Member member) {
			this.members.add(member);
			if (this.table.taken() && this.read.containsAll(member.protocols)) {
				// the table is read and covers the subscriber: its baseline at once
				member.started = true;
				member.subscriber.tick(new Tick(this.table, List.of(), List.of(), 0), true);
			}
			else if (this.table.taken()) {
				// its tables are read at the next tick: due now, not an interval away
				SharedTables.this.scheduler.execute(this);
			}
		}

		/**
		 * Lets {@code member} go; the last one ends the ticker.
		 * @param member the subscriber's share
		 * @return whether the ticker ended
		 */
		synchronized boolean leave(Member member) {
			this.members.remove(member);
			if (this.members.isEmpty()) {
				stop();
				return true;
			}
			return false;
		}

		@Override
		public synchronized void run() {
			if (this.ended || this.members.isEmpty()) {
				return;
			}
			try {
				tick();
			}
			catch (ExpensiveRequests.TooBusyException ex) {
				endAll(ex.getMessage(), true);
			}
			catch (RuntimeException ex) {
				// procfs went away, or the like: each subscriber says why, then ends
				log.warn("A live stream table ends: {}", ex.getMessage());
				endAll(String.valueOf(ex.getMessage()), false);
			}
		}

		private void tick() {
			Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
			this.members.forEach((member) -> protocols.addAll(member.protocols));
			List<InetSocket> rows = SharedTables.this.sockets.read(SocketSelection.of(protocols), this.key.netns())
				.rows();
			// the new table is held beside the old one while they are compared
			this.held.resize((rows.size() + this.table.size()) * SocketTable.BYTES_PER_ROW);
			long now = System.nanoTime();
			List<Destroyed> destroyed = new ArrayList<>();
			long missed = 0;
			if (this.notices != null) {
				missed = this.notices.missed();
				for (InetSocket socket : this.notices.drain()) {
					SocketTable.Key key = SocketTable.Key.of(socket);
					if (!this.closedBySnapshot.contains(key)) {
						Long seen = this.table.firstSeen(key);
						destroyed.add(new Destroyed(socket, (seen != null) ? (now - seen) / 1e9 : null));
						this.toldByKernel.add(key);
					}
				}
			}
			boolean first = !this.table.taken();
			List<SocketTable.Change> changes = new ArrayList<>(this.table.next(rows, now));
			this.read = Set.copyOf(protocols);
			Set<SocketTable.Key> closed = new HashSet<>();
			changes.removeIf((change) -> {
				if (change.kind() != SocketTable.Kind.CLOSED) {
					return false;
				}
				SocketTable.Key key = SocketTable.Key.of(change.before());
				if (this.toldByKernel.remove(key)) {
					return true;
				}
				closed.add(key);
				return false;
			});
			this.closedBySnapshot = closed;
			// what the kernel told of and the table no longer holds is done with
			this.toldByKernel.removeIf((key) -> !this.table.holds(key));
			this.held.resize(this.table.size() * SocketTable.BYTES_PER_ROW);
			Tick tick = new Tick(this.table, changes, destroyed, missed);
			for (Member member : this.members) {
				boolean started = member.started;
				member.started = true;
				member.subscriber.tick(first ? new Tick(this.table, List.of(), List.of(), 0) : tick, first || !started);
			}
		}

		private void endAll(String why, boolean overflow) {
			// removed from the map on another thread: subscribe takes the map's lock,
			// then
			// a ticker's, and this runs under the ticker's
			SharedTables.this.scheduler.execute(() -> SharedTables.this.ended(this));
			stop();
			for (Member member : this.members) {
				member.subscriber.end(why, overflow);
			}
			this.members.clear();
		}

		private void stop() {
			if (this.ended) {
				return;
			}
			this.ended = true;
			if (this.ticks != null) {
				this.ticks.cancel(false);
			}
			if (this.notices != null) {
				this.notices.close();
			}
			this.held.release();
		}

	}

}
