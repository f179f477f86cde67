package io.netstatd;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netstatd.kernel.names.NamesProperties;
import io.netstatd.live.streams.StreamsProperties;
import io.netstatd.support.limits.LimitsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Every thread pool of the service, in one place: each named, bounded, made and stopped
 * by the context, and visible in the scrape ({@code executor_*} series with a
 * {@code name} label, which Spring Boot binds for these beans). Tomcat's request threads
 * ({@code server.tomcat.threads.max}) and the JVM's own are the only others.
 * docs/configuration.md lists each with its bound and the property that sets it. A user
 * asks for its pool by name ({@code @Qualifier("owners")}, ...).
 */
@Configuration(proxyBeanMethods = false)
public class ThreadPools {

	/**
	 * {@code owners}: the walks of {@code /proc/<pid>/fd} beside a list's socket read.
	 */
	public static final String OWNERS = "owners";

	/** {@code dns}: reverse lookups for {@code resolve=true}. */
	public static final String DNS = "dns";

	/** {@code dumps}: sock_diag dumps received ahead of the list that writes them. */
	public static final String DUMPS = "dumps";

	/** {@code notices}: the reader of the kernel's destroy notices. */
	public static final String NOTICES = "notices";

	/** {@code closed}: the recorder of closes, draining the notices. */
	public static final String CLOSED = "closed";

	/** {@code streams}: the live streams' shared tables, polls and writes. */
	public static final String STREAMS = "streams";

	/**
	 * {@code samples}: the kernel's flood counters, sampled for {@code /stats/sources}.
	 */
	public static final String SAMPLES = "samples";

	/** {@code logins}: the held answers to addresses paused for failed logins. */
	public static final String LOGINS = "logins";

	/** At most {@code netstatd.limits.expensive-requests} walks, one per such request. */
	@Bean(OWNERS)
	ThreadPoolTaskExecutor owners(LimitsProperties limits) {
		int walks = Math.max(1, limits.expensiveRequests());
		return executor(OWNERS, walks, walks);
	}

	/**
	 * At most {@code netstatd.names.max-concurrent} lookups at once for all requests, a
	 * thousand queued behind them: past it, a name is left unresolved.
	 */
	@Bean(DNS)
	public ThreadPoolTaskExecutor dns(NamesProperties names) {
		// a lookup the resolver holds (no DNS server answering) outlives its request,
		// which
		// gave up at its deadline: the context's stop must not wait the 30 s of its phase
		// for it; the pool's shutdown, after, interrupts it
		return configure(new UnwaitedExecutor(), DNS, names.maxConcurrent(), 1000);
	}

	/** At most eight dumps received ahead; past it, a dump is received in line. */
	@Bean(DUMPS)
	public ThreadPoolTaskExecutor dumps() {
		ThreadPoolTaskExecutor executor = executor(DUMPS, 8, 0);
		executor.setCorePoolSize(0);
		return executor;
	}

	/**
	 * One reader of the destroy notices, and one more while a reader that found its last
	 * subscriber gone hands over to one that a new subscriber started.
	 */
	@Bean(NOTICES)
	ThreadPoolTaskExecutor notices() {
		// the reader runs for as long as some recorder subscribes, and those let go only
		// when the context destroys them: the context's stop phase must not wait for it
		// (each closing context waited out its 30 s); the pool's shutdown, after,
		// interrupts
		// it, and it ends within a poll's wait
		ThreadPoolTaskExecutor executor = new UnwaitedExecutor();
		configure(executor, NOTICES, 2, 0);
		executor.setCorePoolSize(0);
		return executor;
	}

	/**
	 * One thread: it answers, a second late, the requests of addresses paused for failed
	 * logins, which wait meanwhile without a thread.
	 */
	@Bean(LOGINS)
	ThreadPoolTaskScheduler logins() {
		return scheduler(LOGINS, 1);
	}

	/** One thread: a read of the protocol counters every five seconds. */
	@Bean(SAMPLES)
	ThreadPoolTaskScheduler samples() {
		return scheduler(SAMPLES, 1);
	}

	/** One thread: the recorder drains the notices every 100 ms. */
	@Bean(CLOSED)
	ThreadPoolTaskScheduler closed() {
		return scheduler(CLOSED, 1);
	}

	/**
	 * A thread per open stream ({@code netstatd.streams.max-open}), since each may be
	 * blocked writing to a slow client, and two for the shared tables' reads and the
	 * polls.
	 */
	@Bean(STREAMS)
	ThreadPoolTaskScheduler streams(StreamsProperties streams) {
		return scheduler(STREAMS, streams.maxOpen() + 2);
	}

	/**
	 * A pool of {@code threads} at most, {@code queued} tasks waiting at most (0: none
	 * waits, a task past the threads is refused); idle threads end after 30 s.
	 */
	private static ThreadPoolTaskExecutor executor(String name, int threads, int queued) {
		return configure(new ThreadPoolTaskExecutor(), name, threads, queued);
	}

	private static ThreadPoolTaskExecutor configure(ThreadPoolTaskExecutor executor, String name, int threads,
			int queued) {
		executor.setThreadNamePrefix("netstatd-" + name + "-");
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queued);
		executor.setKeepAliveSeconds(30);
		executor.setAllowCoreThreadTimeOut(true);
		executor.setDaemon(true);
		executor.setAcceptTasksAfterContextClose(false);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

	/**
	 * A scheduled pool of {@code threads}, the bound (a scheduled pool never grows past
	 * its core; its reported maximum means nothing); idle threads end after a minute.
	 */
	private static ThreadPoolTaskScheduler scheduler(String name, int threads) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler() {

			@Override
			protected ScheduledExecutorService createExecutor(int poolSize, ThreadFactory threadFactory,
					RejectedExecutionHandler rejectedExecutionHandler) {
				ScheduledThreadPoolExecutor executor = (ScheduledThreadPoolExecutor) super.createExecutor(poolSize,
						threadFactory, rejectedExecutionHandler);
				executor.setKeepAliveTime(1, TimeUnit.MINUTES);
				executor.allowCoreThreadTimeOut(true);
				return executor;
			}

		};
		scheduler.setThreadNamePrefix("netstatd-" + name + "-");
		scheduler.setPoolSize(threads);
		scheduler.setRemoveOnCancelPolicy(true);
		scheduler.setDaemon(true);
		scheduler.setWaitForTasksToCompleteOnShutdown(false);
		return scheduler;
	}

	/**
	 * A pool whose tasks the context's stop phase does not wait for: they end when the
	 * pool shuts down, which interrupts them.
	 */
	static final class UnwaitedExecutor extends ThreadPoolTaskExecutor {

		@Override
		public void stop(Runnable callback) {
			callback.run();
		}

	}

}
