package io.netstatd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netstatd.kernel.names.NamesProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pools whose tasks outlive their requests: a context's stop does not wait for them.
 */
class ThreadPoolsTests {

	@Test
	@Timeout(20)
	void aLookupTheResolverHoldsDoesNotHoldTheContextsStop() throws Exception {
		ThreadPoolTaskExecutor dns = new ThreadPools().dns(new NamesProperties(Duration.ofSeconds(2), 8,
				Duration.ofMinutes(5), Duration.ofMinutes(1), Path.of("/etc/services")));
		dns.initialize();
		dns.start();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch running = new CountDownLatch(1);
		dns.execute(() -> {
			running.countDown();
			try {
				// a resolver that does not answer
				held.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

		CountDownLatch stopped = new CountDownLatch(1);
		dns.stop(stopped::countDown);
		assertThat(stopped.await(1, TimeUnit.SECONDS)).as("the stop phase let go at once").isTrue();

		// the shutdown after it interrupts the lookup
		dns.shutdown();
		assertThat(dns.getThreadPoolExecutor().awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		held.countDown();
	}

}
