package io.netstatd.live.streams;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events streams ({@code netstat -c}, {@code ss -E}): each is fed batches of
 * events, by its own poll or by a shared table ({@link SharedTables}), and sends them on
 * a thread of the streams' pool, so that a client whose writes block delays only its own
 * stream. A stream holds at most one batch while it sends another: batches that come
 * meanwhile are counted, not kept, and the next batch sent is preceded by one
 * {@code overflow} event saying how many events the slow client missed. A comment line
 * after a heartbeat without events keeps proxies from closing it. At most
 * {@code max-open} streams at once; a client that leaves is noticed at the next write and
 * its stream ends quietly, freeing its place. When the service stops, every stream ends
 * at once, so that a graceful shutdown does not wait out its timeout on them.
 */
@Component
public class EventStreams {

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	private final StreamsProperties properties;

	private final Semaphore open;

	private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

	/** Streams open by client address. */
	private final Map<String, Integer> byClient = new HashMap<>();

	/**
	 * The {@code streams} pool: a thread per open stream, so that each may be blocked on
	 * a slow client's write, and two for the shared tables' reads and the polls.
	 */
	private final ScheduledExecutorService scheduler;

	public EventStreams(StreamsProperties properties, @Qualifier("streams") ThreadPoolTaskScheduler scheduler) {
		this.properties = properties;
		this.open = new Semaphore(properties.maxOpen());
		this.scheduler = scheduler.getScheduledExecutor();
	}

	/**
	 * Opens a stream that sends {@code snapshot}'s events every {@code interval}, the
	 * first at once.
	 * @param client the client's address
	 * @param interval how often
	 * @param snapshot what each interval sends
	 * @return the response
	 * @throws TooManyStreamsException when every place is taken, or the client's share
	 */
	public SseEmitter open(String client, Duration interval, Snapshot snapshot) {
		return open(client, (sink) -> {
			ScheduledFuture<?> polls = this.scheduler.scheduleWithFixedDelay(() -> {
				try {
					sink.send(snapshot.next());
				}
				catch (RuntimeException ex) {
					// procfs went away, or the like: say why, then end; the client may
					// retry
					log.warn("A live stream ends: {}", ex.getMessage());
					sink.end(SseEmitter.event().name("problem").data(String.valueOf(ex.getMessage())));
				}
			}, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
			return () -> polls.cancel(false);
		});
	}

	/**
	 * Opens a stream that {@code feed} sends to.
	 * @param client the client's address: one address holds at most
	 * {@code max-per-client} streams
	 * @param feed starts sending to the stream's sink, and says how to stop
	 * @return the response
	 * @throws TooManyStreamsException when every place is taken, or the client's share
	 */
	public SseEmitter open(String client, Feed feed) {
		enter(client);
		if (!this.open.tryAcquire()) {
			leave(client);
			throw new TooManyStreamsException(this.properties.maxOpen());
		}
		Stream stream = new Stream(new SseEmitter(this.properties.maxDuration().toMillis()), client);
		this.streams.add(stream);
		stream.emitter.onCompletion(stream::close);
		stream.emitter.onTimeout(stream::complete);
		stream.emitter.onError((ex) -> stream.close());
		long heartbeat = this.properties.heartbeat().toMillis();
		stream.heartbeats = this.scheduler.scheduleWithFixedDelay(stream::heartbeat, heartbeat, heartbeat,
				TimeUnit.MILLISECONDS);
		try {
			stream.started(feed.start(stream));
		}
		catch (RuntimeException ex) {
			stream.close();
			throw ex;
		}
		return stream.emitter;
	}

	/**
	 * Ends every stream, completing its response. Streams are requests that never finish
	 * by themselves: left open, they would hold a graceful shutdown for its whole timeout
	 * (30 s, a Kubernetes pod's grace period) before the container killed them. This runs
	 * when the context starts closing, before the web server waits for its requests.
	 */
	@EventListener(ContextClosedEvent.class)
	public void closeAll() {
		this.streams.forEach(Stream::complete);
	}

	private synchronized void enter(String client) {
		int held = this.byClient.getOrDefault(client, 0);
		if (held >= this.properties.perClient()) {
			throw new TooManyStreamsException(client, this.properties.perClient(), this.properties.maxOpen());
		}
		this.byClient.put(client, held + 1);
	}

	private synchronized void leave(String client) {
		this.byClient.computeIfPresent(client, (address, held) -> (held > 1) ? held - 1 : null);
	}

	/** The most events one interval of a connection stream may send. */
	public int maxEvents() {
		return this.properties.maxEvents();
	}

	/** Streams open now. */
	public int openStreams() {
		return this.properties.maxOpen() - this.open.availablePermits();
	}

	/** Where the shared tables read: the streams' pool. */
	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	/**
	 * What a polled stream sends each interval: its events, none when nothing changed.
	 */
	@FunctionalInterface
	public interface Snapshot {

		List<SseEmitter.SseEventBuilder> next();

	}

	/** What feeds a stream: started once, stopped once when the stream ends. */
	@FunctionalInterface
	public interface Feed {

		/**
		 * Starts sending to {@code sink}.
		 * @param sink the stream
		 * @return what stops the feed
		 */
		Runnable start(Sink sink);

	}

	/** A stream, as its feed sees it; neither call blocks. */
	public interface Sink {

		/**
		 * Sends {@code events}, on the stream's own time.
		 * @param events the events, none for nothing
		 */
		void send(List<SseEmitter.SseEventBuilder> events);

		/**
		 * Sends {@code last}, then ends the stream.
		 * @param last the last event
		 */
		void end(SseEmitter.SseEventBuilder last);

	}

	private final class Stream implements Sink {

		private final SseEmitter emitter;

		private final String client;

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile ScheduledFuture<?> heartbeats;

		/**
		 * What stops the feed, taken by whichever of the start and the end comes last.
		 */
		private final AtomicReference<Runnable> stop = new AtomicReference<>();

		/**
		 * Held while writing, apart from the stream's state: a blocked write holds no
		 * feed.
		 */
		private final ReentrantLock writing = new ReentrantLock();

		private long lastSent = System.nanoTime();

		/** Whether a batch is being sent: the next waits for none, it is counted. */
		private boolean sending;

		/** Events of batches that came while one was being sent. */
		private long missed;

		Stream(SseEmitter emitter, String client) {
			this.emitter = emitter;
			this.client = client;
		}

		void started(Runnable feedStop) {
			this.stop.set(feedStop);
			if (this.closed.get()) {
				stopFeed();
			}
		}

		private void stopFeed() {
			Runnable feedStop = this.stop.getAndSet(null);
			if (feedStop != null) {
				feedStop.run();
			}
		}

		@Override
		public void send(List<SseEmitter.SseEventBuilder> events) {
			offer(events, false);
		}

		@Override
		public void end(SseEmitter.SseEventBuilder last) {
			offer(List.of(last), true);
		}

		private void offer(List<SseEmitter.SseEventBuilder> events, boolean last) {
			List<SseEmitter.SseEventBuilder> batch;
			synchronized (this) {
				if (this.closed.get() || (events.isEmpty() && !last)) {
					return;
				}
				if (this.sending && !last) {
					this.missed += events.size();
					return;
				}
				batch = new ArrayList<>(events.size() + 1);
				if (this.missed > 0) {
					batch.add(SseEmitter.event()
						.name("overflow")
						.data(Map.of("source", "client", "missed", this.missed), MediaType.APPLICATION_JSON));
					this.missed = 0;
				}
				batch.addAll(events);
				this.sending = true;
			}
			EventStreams.this.scheduler.execute(() -> {
				write(batch);
				synchronized (this) {
					this.sending = false;
				}
				if (last) {
					complete();
				}
			});
		}

		void heartbeat() {
			synchronized (this) {
				if (this.sending
						|| System.nanoTime() - this.lastSent < EventStreams.this.properties.heartbeat().toNanos()) {
					return;
				}
			}
			// a heartbeat never waits behind a blocked write: it would hold a second
			// thread
			if (this.writing.tryLock()) {
				try {
					write(List.of(SseEmitter.event().comment("heartbeat")));
				}
				finally {
					this.writing.unlock();
				}
			}
		}

		private void write(List<SseEmitter.SseEventBuilder> events) {
			this.writing.lock();
			try {
				if (this.closed.get()) {
					return;
				}
				for (SseEmitter.SseEventBuilder event : events) {
					this.emitter.send(event);
					sent();
				}
			}
			catch (IOException | IllegalStateException ex) {
				left();
			}
			finally {
				this.writing.unlock();
			}
		}

		private synchronized void sent() {
			this.lastSent = System.nanoTime();
		}

		private void left() {
			// the client left: no error, just the end of its stream and its request
			close();
			try {
				this.emitter.complete();
			}
			catch (RuntimeException alreadyDone) {
				// the container ended the request first
			}
		}

		void complete() {
			close();
			this.emitter.complete();
		}

		void close() {
			if (this.closed.compareAndSet(false, true)) {
				EventStreams.this.streams.remove(this);
				if (this.heartbeats != null) {
					this.heartbeats.cancel(false);
				}
				EventStreams.this.open.release();
				leave(this.client);
				stopFeed();
			}
		}

	}

}
