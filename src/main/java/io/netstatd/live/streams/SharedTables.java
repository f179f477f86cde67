package io.netstatd.live.streams;

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

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.limits.MemoryBudget;
import io.netstatd.support.report.Skipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One reader for every live connection stream: the streams that watch the same namespace
 * at the same interval share one ticker, which reads the socket table once per interval,
 * computes what changed once, on the whole table, and hands the same {@link Tick} to each
 * subscriber, which filters it by its own selection. The kernel's destroy notices come
 * through one subscription per ticker; the kernel sends one when a full socket becomes a
 * TIME_WAIT one too, and that is told as the change into TIME_WAIT (the row stays for 60
 * s, as {@code ss -tan} and {@code netstat -c} show it), not as a close. A subscriber
 * holds its selection and its position, never a copy of the table: sixteen streams on a
 * host of 20,000 churning sockets cost one table and one read a second, not sixteen
 * (which ended the JVM).
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

		/**
		 * Whether the subscriber shows the destroyed sockets' {@code tcp_info}: the
		 * notices the table holds for a tick keep it only while one does.
		 * @return whether it shows it
		 */
		default boolean showsTcpInfo() {
			return false;
		}

	}

	/**
	 * One read of a shared table and what it changed.
	 *
	 * @param table the table as now read
	 * @param changes what changed since the last read; the snapshot's closes of sockets
	 * the kernel told of are left out, and a socket gone into TIME_WAIT carries its
	 * notice's final counters (told a read late when its notice came after the read)
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

	/**
	 * One read's destroy notices, in the kernel's order: under churn one key (both ends)
	 * can end twice between two reads, each end a notice of its own. A socket gone into
	 * TIME_WAIT takes the last notice of its key.
	 */
	private static final class Notices {

		private final List<InetSocket> all = new ArrayList<>();

		private final Map<SocketTable.Key, InetSocket> last = new HashMap<>();

		private final Set<InetSocket> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

		void add(InetSocket notice) {
			this.all.add(notice);
			this.last.put(SocketTable.Key.of(notice), notice);
		}

		Set<SocketTable.Key> keys() {
			return this.last.keySet();
		}

		/** The last notice of {@code key}, told with a change; null when none came. */
		InetSocket take(SocketTable.Key key) {
			InetSocket notice = this.last.get(key);
			if (notice != null && this.taken.add(notice)) {
				return notice;
			}
			return null;
		}

		boolean isLast(InetSocket notice) {
			return this.last.get(SocketTable.Key.of(notice)) == notice;
		}

		List<InetSocket> untaken() {
			return this.all.stream().filter((notice) -> !this.taken.contains(notice)).toList();
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
		 * The last read's changes into TIME_WAIT whose notice had not come: told at the
		 * next read, with the notice's counters if it came by then. The kernel frees the
		 * full socket (and sends its notice) just after it hashes the TIME_WAIT one.
		 */
		private Map<SocketTable.Key, SocketTable.Change> awaitingNotice = Map.of();

		/** The sockets the last snapshot told closed: a late notice is not told again. */
		private Set<SocketTable.Key> closedBySnapshot = Set.of();

		private DestroyedSockets.Subscription notices;

		/** Whether the notices queued now keep their tcp_info (a new queue does). */
		private boolean tcpInfoKept = true;

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
			// notices queued while no member showed tcp_info lack it: a member that shows
			// it starts at the next read, which takes them in as its baseline
			boolean noticesComplete = this.tcpInfoKept || !member.subscriber.showsTcpInfo();
			keepTcpInfo();
			if (this.table.taken() && this.read.containsAll(member.protocols) && noticesComplete) {
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
			keepTcpInfo();
			return false;
		}

		/** The notices keep their tcp_info while some member shows it. */
		private void keepTcpInfo() {
			boolean keep = this.members.stream().anyMatch((member) -> member.subscriber.showsTcpInfo());
			if (this.notices != null && keep != this.tcpInfoKept) {
				this.notices.keepTcpInfo(keep);
			}
			this.tcpInfoKept = keep;
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
			// the notices before the read: each tells of an end before the read began, so
			// the read holds the TIME_WAIT row of a socket that went into one (the kernel
			// hashes the TIME_WAIT socket before it frees the full one, whose notice this
			// is)
			long missed = (this.notices != null) ? this.notices.missed() : 0;
			Notices notices = drainNotices();
			Map<SocketTable.Key, Long> firstSeen = new HashMap<>();
			notices.keys().forEach((key) -> firstSeen.put(key, this.table.firstSeen(key)));
			boolean first = !this.table.taken();
			// each row goes to the table as the dump is parsed: the read is never held
			// beside the table (a count of its own, shared with no other)
			List<SocketTable.Change> read = SharedTables.this.sockets.count(SocketSelection.of(protocols),
					this.key.netns(), this, this::pass);
			long now = System.nanoTime();
			List<SocketTable.Change> changes = told(read, notices);
			this.read = Set.copyOf(protocols);
			List<Destroyed> destroyed = new ArrayList<>();
			for (InetSocket notice : notices.untaken()) {
				SocketTable.Key key = SocketTable.Key.of(notice);
				InetSocket row = this.table.row(key);
				// the last notice of a TIME_WAIT row: its change was told a read ago
				if (row == null || row.state() != SocketState.TIME_WAIT || !notices.isLast(notice)) {
					Long seen = firstSeen.get(key);
					destroyed.add(new Destroyed(notice, (seen != null) ? (now - seen) / 1e9 : null));
				}
			}
			this.held.resize(this.table.size() * SocketTable.BYTES_PER_ROW);
			Tick tick = new Tick(this.table, changes, destroyed, missed);
			for (Member member : this.members) {
				boolean started = member.started;
				member.started = true;
				member.subscriber.tick(first ? new Tick(this.table, List.of(), List.of(), 0) : tick, first || !started);
			}
		}

		/** A snapshot of the table, taken as the rows are parsed, told when it ends. */
		private SocketCounter<List<SocketTable.Change>> pass() {
			SocketTable.Pass pass = this.table.begin();
			return new SocketCounter<>() {

				@Override
				public void accept(InetSocket socket) {
					pass.accept(socket);
				}

				@Override
				public List<SocketTable.Change> result(Skipped skipped) {
					return pass.finish(System.nanoTime());
				}

			};
		}

		/** The kernel's notices since the last read, but those the last snapshot told. */
		private Notices drainNotices() {
			Notices notices = new Notices();
			if (this.notices != null) {
				for (InetSocket socket : this.notices.drain()) {
					if (!this.closedBySnapshot.contains(SocketTable.Key.of(socket))) {
						notices.add(socket);
					}
				}
			}
			return notices;
		}

		/**
		 * What the snapshot's changes tell, with the notices: a socket gone into
		 * TIME_WAIT is {@code changed} with its notice's final counters, its notice taken
		 * from {@code notices}; one whose notice has not come yet waits one read for it;
		 * a close the kernel told is left to its notice.
		 */
		private List<SocketTable.Change> told(List<SocketTable.Change> snapshot, Notices notices) {
			List<SocketTable.Change> changes = new ArrayList<>();
			this.awaitingNotice.forEach((key, change) -> {
				InetSocket notice = notices.take(key);
				changes.add((notice != null) ? change.noticedBy(notice) : change);
			});
			Map<SocketTable.Key, SocketTable.Change> awaiting = new HashMap<>();
			Set<SocketTable.Key> closed = new HashSet<>();
			for (SocketTable.Change change : snapshot) {
				SocketTable.Key key = SocketTable.Key.of(change.socket());
				if (change.intoTimeWait() && this.notices != null) {
					InetSocket notice = notices.take(key);
					if (notice != null) {
						changes.add(change.noticedBy(notice));
					}
					else {
						awaiting.put(key, change);
					}
				}
				else if (change.kind() != SocketTable.Kind.CLOSED) {
					changes.add(change);
				}
				else if (!notices.keys().contains(key)) {
					closed.add(key);
					changes.add(change);
				}
			}
			this.awaitingNotice = awaiting;
			this.closedBySnapshot = closed;
			return changes;
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
