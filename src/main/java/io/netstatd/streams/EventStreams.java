package io.netstatd.streams;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events streams ({@code netstat -c}, {@code ss -E}): each takes a snapshot
 * every interval and sends what it yields; a comment line after a heartbeat without
 * events keeps proxies from closing it. At most {@code max-open} streams at once; a
 * client that leaves is noticed at the next write and its stream ends quietly, freeing
 * its place. When the service stops, every stream ends at once, so that a graceful
 * shutdown does not wait out its timeout on them.
 */
@Component
public class EventStreams {

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	private final StreamsProperties properties;

	private final Semaphore open;

	private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

	/**
	 * A thread per open stream at most, so that a slow client, whose writes block, delays
	 * only its own stream; idle threads end after a minute.
	 */
	private final ScheduledThreadPoolExecutor scheduler;

	/**
	 * Snapshots taken at once, across all streams: each is a full table read, whose rows
	 * take memory until they are compared, so they are bounded apart from the sending.
	 */
	private final Semaphore snapshots = new Semaphore(2);

	public EventStreams(StreamsProperties properties) {
		this.properties = properties;
		this.open = new Semaphore(properties.maxOpen());
		this.scheduler = new ScheduledThreadPoolExecutor(properties.maxOpen(), (runnable) -> {
			Thread thread = new Thread(runnable, "netstatd-streams");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setKeepAliveTime(1, TimeUnit.MINUTES);
		this.scheduler.allowCoreThreadTimeOut(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Opens a stream that sends {@code snapshot}'s events every {@code interval}, the
	 * first at once.
	 * @throws TooManyStreamsException when every place is taken
	 */
	public SseEmitter open(Duration interval, Snapshot snapshot) {
		return open(interval, snapshot, () -> {
		});
	}

	/**
	 * Opens a stream as {@link #open(Duration, Snapshot)} does, running {@code onEnd}
	 * once when it ends, however it ends: what the stream holds (a subscription) is let
	 * go.
	 * @throws TooManyStreamsException when every place is taken
	 */
	public SseEmitter open(Duration interval, Snapshot snapshot, Runnable onEnd) {
		if (!this.open.tryAcquire()) {
			onEnd.run();
			throw new TooManyStreamsException(this.properties.maxOpen());
		}
		Stream stream = new Stream(new SseEmitter(this.properties.maxDuration().toMillis()), snapshot, onEnd);
		this.streams.add(stream);
		stream.emitter.onCompletion(stream::close);
		stream.emitter.onTimeout(stream::complete);
		stream.emitter.onError((ex) -> stream.close());
		stream.ticks = this.scheduler.scheduleWithFixedDelay(stream::tick, 0, interval.toMillis(),
				TimeUnit.MILLISECONDS);
		long heartbeat = this.properties.heartbeat().toMillis();
		stream.heartbeats = this.scheduler.scheduleWithFixedDelay(stream::heartbeat, heartbeat, heartbeat,
				TimeUnit.MILLISECONDS);
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

	/** The most events one interval of a connection stream may send. */
	public int maxEvents() {
		return this.properties.maxEvents();
	}

	/** Streams open now. */
	public int openStreams() {
		return this.properties.maxOpen() - this.open.availablePermits();
	}

	/** What a stream sends each interval: its events, none when nothing changed. */
	@FunctionalInterface
	public interface Snapshot {

		List<SseEmitter.SseEventBuilder> next();

	}

	private final class Stream {

		private final SseEmitter emitter;

		private final Snapshot snapshot;

		private final Runnable onEnd;

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile ScheduledFuture<?> ticks;

		private volatile ScheduledFuture<?> heartbeats;

		private long lastSent = System.nanoTime();

		/** Set by the tick that failed: the stream ends after its problem event. */
		private boolean closing;

		Stream(SseEmitter emitter, Snapshot snapshot, Runnable onEnd) {
			this.emitter = emitter;
			this.snapshot = snapshot;
			this.onEnd = onEnd;
		}

		void tick() {
			List<SseEmitter.SseEventBuilder> events;
			EventStreams.this.snapshots.acquireUninterruptibly();
			try {
				events = this.snapshot.next();
			}
			catch (RuntimeException ex) {
				// procfs went away, or the like: say why, then end; the client may retry
				log.warn("A live stream ends: {}", ex.getMessage());
				events = List.of(SseEmitter.event().name("problem").data(String.valueOf(ex.getMessage())));
				this.closing = true;
			}
			finally {
				EventStreams.this.snapshots.release();
			}
			send(events);
			if (this.closing) {
				complete();
			}
		}

		void heartbeat() {
			synchronized (this) {
				if (System.nanoTime() - this.lastSent < EventStreams.this.properties.heartbeat().toNanos()) {
					return;
				}
			}
			send(List.of(SseEmitter.event().comment("heartbeat")));
		}

		private synchronized void send(List<SseEmitter.SseEventBuilder> events) {
			if (this.closed.get()) {
				return;
			}
			try {
				for (SseEmitter.SseEventBuilder event : events) {
					this.emitter.send(event);
					this.lastSent = System.nanoTime();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client left: no error, just the end of its stream and its request
				close();
				try {
					this.emitter.complete();
				}
				catch (RuntimeException alreadyDone) {
					// the container ended the request first
				}
			}
		}

		void complete() {
			close();
			this.emitter.complete();
		}

		void close() {
			if (this.closed.compareAndSet(false, true)) {
				EventStreams.this.streams.remove(this);
				cancel(this.ticks);
				cancel(this.heartbeats);
				EventStreams.this.open.release();
				this.onEnd.run();
			}
		}

		private static void cancel(ScheduledFuture<?> future) {
			if (future != null) {
				future.cancel(false);
			}
		}

	}

}
