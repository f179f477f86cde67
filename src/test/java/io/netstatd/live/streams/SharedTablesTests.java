package io.netstatd.live.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;
import io.netstatd.support.limits.MemoryBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared tables over the captured procfs tree: streams of one namespace and interval
 * share one ticker, which ends with its last subscriber; a table that does not fit the
 * memory budget ends its streams with an overflow, and its reservation goes back.
 */
class SharedTablesTests {

	private static final Path GOLDEN = Path.of("src/test/resources/procfs/golden");

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	@AfterEach
	void stop() {
		this.scheduler.shutdown();
	}

	@Test
	void streamsOfOneNamespaceAndIntervalShareOneTableThatEndsWithTheLast() {
		SharedTables tables = tables(
				new MemoryBudget(new io.netstatd.support.limits.LimitsProperties(4, Duration.ofSeconds(10), "64MB")));
		Recorder first = new Recorder();
		Recorder second = new Recorder();

		SharedTables.Subscription a = tables.subscribe(NamespaceChoice.OWN, Set.of(Protocol.TCP), Duration.ofSeconds(1),
				first);
		SharedTables.Subscription b = tables.subscribe(NamespaceChoice.OWN, Set.of(Protocol.TCP), Duration.ofSeconds(1),
				second);
		SharedTables.Subscription other = tables.subscribe(NamespaceChoice.OWN, Set.of(Protocol.TCP),
				Duration.ofSeconds(2), new Recorder());

		assertThat(tables.tables()).isEqualTo(2);
		await().atMost(5, TimeUnit.SECONDS).until(() -> !first.baselines.isEmpty() && !second.baselines.isEmpty());
		// the same table, read once: both baselines are its rows
		assertThat(first.baselines.get(0)).isEqualTo(second.baselines.get(0)).isPositive();
		a.close();
		assertThat(tables.tables()).isEqualTo(2);
		b.close();
		b.close();
		other.close();
		assertThat(tables.tables()).isZero();
	}

	@Test
	void aTableBeyondTheBudgetEndsItsStreamsWithAnOverflowAndGivesItBack() {
		MemoryBudget memory = new MemoryBudget(
				new io.netstatd.support.limits.LimitsProperties(4, Duration.ofSeconds(10), "1KB"));
		SharedTables tables = tables(memory);
		Recorder stream = new Recorder();

		tables.subscribe(NamespaceChoice.OWN, Set.of(Protocol.TCP), Duration.ofSeconds(1), stream);

		await().atMost(5, TimeUnit.SECONDS).until(() -> !stream.ends.isEmpty());
		assertThat(stream.ends).singleElement()
			.asString()
			.startsWith("overflow: What the service holds would reach ")
			.contains("with this live stream table, beyond its memory budget of 1 MB (netstatd.limits.memory)");
		assertThat(stream.baselines).isEmpty();
		await().atMost(5, TimeUnit.SECONDS).until(() -> tables.tables() == 0);
		assertThat(memory.held()).isZero();
	}

	private SharedTables tables(MemoryBudget memory) {
		this.scheduler.setPoolSize(2);
		this.scheduler.initialize();
		ProcfsProperties procfs = new ProcfsProperties(GOLDEN);
		SocketService sockets = new SocketService(new ProcfsSocketRepository(GOLDEN), new NamespaceScanner(procfs),
				new SkippedLineCounter(procfs));
		EventStreams streams = new EventStreams(
				new StreamsProperties(16, Duration.ofSeconds(15), Duration.ofHours(1), 1000, 4), this.scheduler);
		return new SharedTables(sockets, DestroyedSockets.NONE, memory, streams);
	}

	/** What a stream is handed: the size of each baseline, and how it ended. */
	private static final class Recorder implements SharedTables.Subscriber {

		private final List<Integer> baselines = new CopyOnWriteArrayList<>();

		private final List<String> ends = new CopyOnWriteArrayList<>();

		@Override
		public void tick(SharedTables.Tick tick, boolean first) {
			if (first) {
				this.baselines.add(tick.table().size());
			}
		}

		@Override
		public void end(String why, boolean overflow) {
			this.ends.add((overflow ? "overflow: " : "problem: ") + why);
		}

	}

}
