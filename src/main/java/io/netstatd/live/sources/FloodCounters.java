package io.netstatd.live.sources;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.views.counters.Counters;
import io.netstatd.views.counters.CountersRepository;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The kernel's flood counters, sampled by the service itself every five seconds for the
 * longest window asked (ten minutes): how much each grew over a window is the last read
 * less the first sample inside it. A service younger than the window says how much of it
 * the samples cover.
 */
@Component
public class FloodCounters {

	/**
	 * The counters watched: {@code nstat TcpExtListenOverflows TcpExtListenDrops ...}.
	 */
	static final List<String> WATCHED = List.of("ListenOverflows", "ListenDrops", "SyncookiesSent");

	static final Duration EVERY = Duration.ofSeconds(5);

	/** Ten minutes of samples, the longest window, and one more. */
	static final int KEPT = (int) (Duration.ofMinutes(10).toSeconds() / EVERY.toSeconds()) + 2;

	private final CountersRepository counters;

	private final Deque<Sample> samples = new ArrayDeque<>();

	FloodCounters(CountersRepository counters, @Qualifier("samples") TaskScheduler scheduler) {
		this.counters = counters;
		scheduler.scheduleAtFixedRate(this::sample, EVERY);
	}

	private void sample() {
		try {
			add(read());
		}
		catch (RuntimeException ex) {
			// procfs unreadable now: no sample, and a shorter window says so
		}
	}

	private synchronized void add(Sample sample) {
		this.samples.addLast(sample);
		while (this.samples.size() > KEPT) {
			this.samples.removeFirst();
		}
	}

	/**
	 * How much each watched counter grew over the last {@code window}, up to now.
	 * @param window how far back
	 * @return the growth and how much of the window it covers
	 */
	Growth over(Duration window) {
		Sample now = read();
		Sample first;
		synchronized (this) {
			first = this.samples.stream()
				.filter((sample) -> now.at() - sample.at() <= window.toNanos())
				.findFirst()
				.orElse(now);
		}
		return Growth.between(first, now);
	}

	private Sample read() {
		Counters read = this.counters.protocols();
		long[] values = new long[WATCHED.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = read.value("TcpExt", WATCHED.get(i));
		}
		return new Sample(System.nanoTime(), values);
	}

	/**
	 * The watched counters at one moment.
	 *
	 * @param at when, {@link System#nanoTime()}
	 * @param values their values, in the order of {@link #WATCHED}; -1 where this kernel
	 * has none
	 */
	record Sample(long at, long[] values) {

	}

	/**
	 * How much the counters grew between two samples.
	 *
	 * @param covered the time between them
	 * @param grown each counter's growth, by its name; absent where the kernel has none
	 */
	record Growth(Duration covered, Map<String, Long> grown) {

		static Growth between(Sample first, Sample last) {
			Map<String, Long> grown = new LinkedHashMap<>();
			for (int i = 0; i < WATCHED.size(); i++) {
				if (first.values()[i] >= 0 && last.values()[i] >= 0) {
					grown.put(WATCHED.get(i), last.values()[i] - first.values()[i]);
				}
			}
			return new Growth(Duration.ofNanos(last.at() - first.at()), grown);
		}

		long of(String counter) {
			return this.grown.getOrDefault(counter, 0L);
		}

	}

}
