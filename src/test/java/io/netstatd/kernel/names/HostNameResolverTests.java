package io.netstatd.kernel.names;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.ThreadPools;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.limits.LimitsProperties;
import io.netstatd.support.limits.MemoryBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class HostNameResolverTests {

	private static final IpAddress LOCALHOST = IpAddress.parse("127.0.0.1");

	private static final IpAddress SILENT = IpAddress.parse("192.0.2.1");

	private final CountDownLatch never = new CountDownLatch(1);

	private HostNameResolver resolver;

	/** The lookups' pool, as the service makes it; stopped as the context stops it. */
	private ThreadPoolTaskExecutor lookups;

	@AfterEach
	void release() {
		this.never.countDown();
		if (this.lookups != null) {
			this.lookups.shutdown();
		}
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void leavesOutWhatTheResolverDoesNotAnswerByTheDeadline() {
		this.resolver = resolver(Duration.ofMillis(300), 8, (address) -> {
			if (address.equals(LOCALHOST)) {
				return "localhost";
			}
			awaitForever();
			return "never";
		});

		// a guard against a hang, not a timing assertion: without the deadline this never
		// returns
		HostNames names = this.resolver.resolve(List.of(LOCALHOST, SILENT, IpAddress.IPV4_ANY));

		assertThat(names.names()).containsExactlyEntriesOf(java.util.Map.of(LOCALHOST, "localhost"));
		assertThat(names.unresolved()).isEqualTo(1);
	}

	@Test
	void looksEachAddressUpOnceAndRemembersAnswersAndFailures() {
		AtomicInteger lookups = new AtomicInteger();
		this.resolver = resolver(Duration.ofSeconds(5), 2, (address) -> {
			lookups.incrementAndGet();
			return address.equals(LOCALHOST) ? "localhost" : null;
		});

		this.resolver.resolve(List.of(LOCALHOST, SILENT, LOCALHOST));
		HostNames again = this.resolver.resolve(List.of(LOCALHOST, SILENT));

		assertThat(lookups).hasValue(2);
		assertThat(again.names()).containsExactlyEntriesOf(java.util.Map.of(LOCALHOST, "localhost"));
		assertThat(again.unresolved()).isZero();
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void runsNoMoreLookupsAtOnceThanAllowed() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		this.resolver = resolver(Duration.ofMillis(300), 2, (address) -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			awaitForever();
			return null;
		});
		List<IpAddress> many = java.util.stream.IntStream.range(1, 50)
			.mapToObj((i) -> IpAddress.parse("198.51.100." + i))
			.toList();

		HostNames names = this.resolver.resolve(many);

		assertThat(most).hasValue(2);
		assertThat(names.unresolved()).isEqualTo(49);
	}

	/**
	 * More addresses than the queue of lookups holds: those past it are unresolved now,
	 * not a 500 (the refusal used to update the map it was being computed in).
	 */
	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void leavesUnresolvedWhatTheQueueCannotHold() {
		this.resolver = resolver(Duration.ofMillis(300), 2, (address) -> {
			awaitForever();
			return null;
		});
		List<IpAddress> many = java.util.stream.IntStream.range(0, 1500)
			.mapToObj((i) -> IpAddress.ipv4(0x0a00_0000 + i))
			.toList();

		HostNames names = this.resolver.resolve(many);

		assertThat(names.unresolved()).isEqualTo(1500);
		assertThat(names.names()).isEmpty();
	}

	private void awaitForever() {
		try {
			this.never.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HostNameResolver resolver(Duration timeout, int concurrent, ReverseLookup lookup) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("lookup", lookup);
		NamesProperties properties = new NamesProperties(timeout, concurrent, Duration.ofMinutes(5),
				Duration.ofMinutes(1), Path.of("/etc/services"));
		this.lookups = new ThreadPools().dns(properties);
		this.lookups.initialize();
		return new HostNameResolver(properties, beans.getBeanProvider(ReverseLookup.class), this.lookups,
				new MemoryBudget(new LimitsProperties(4, Duration.ofSeconds(10), "64MB")));
	}

}
