package io.netstatd.kernel.names;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.limits.MemoryBudget;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reverse DNS for {@code resolve=true}, bounded every way: one deadline per request, a
 * fixed number of lookups at once for all requests (and a bounded queue behind them), one
 * lookup per address however many requests want it, and a cache of answers and failures.
 * A request never waits past its deadline: the names not found by then are left out, and
 * said to be.
 */
@Component
public class HostNameResolver {

	private static final int MAX_CACHED = 50_000;

	/**
	 * What a cached answer holds: the address, the name, the entry. The cache reserves
	 * from the memory budget a thousand entries at a time.
	 */
	static final long BYTES_PER_ENTRY = 200;

	private static final int RESERVED_STEP = 1000;

	private final ReverseLookup lookup;

	private final NamesProperties properties;

	private final Executor lookups;

	private final Map<IpAddress, Cached> cache = new ConcurrentHashMap<>();

	/** What the cache holds, reserved from the memory budget. */
	private final MemoryBudget.Reservation cached;

	private final Map<IpAddress, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();

	public HostNameResolver(NamesProperties properties, ObjectProvider<ReverseLookup> lookup,
			@Qualifier("dns") Executor lookups, MemoryBudget memory) {
		this.properties = properties;
		this.lookup = lookup.getIfAvailable(ReverseLookup::system);
		this.lookups = lookups;
		this.cached = memory.reserve(0, "name cache");
	}

	/**
	 * Names for {@code addresses} (wildcards skipped), found within the configured
	 * timeout.
	 */
	public HostNames resolve(Collection<IpAddress> addresses) {
		return resolve(addresses, Deadline.in(this.properties.timeout()));
	}

	/**
	 * Names for {@code addresses} (wildcards skipped), found within the configured
	 * timeout or by the request's deadline, whichever comes first.
	 */
	public HostNames resolve(Collection<IpAddress> addresses, Deadline request) {
		long deadline = request.earlierOf(this.properties.timeout());
		Map<IpAddress, String> names = new HashMap<>();
		Map<IpAddress, CompletableFuture<Answer>> pending = new HashMap<>();
		Set<IpAddress> distinct = new LinkedHashSet<>(addresses);
		for (IpAddress address : distinct) {
			if (address.isAny()) {
				continue;
			}
			Cached cached = this.cache.get(address);
			if (cached != null && cached.expires() - System.nanoTime() > 0) {
				if (cached.name() != null) {
					names.put(address, cached.name());
				}
			}
			else {
				pending.put(address, inFlight(address));
			}
		}
		int unresolved = 0;
		for (Map.Entry<IpAddress, CompletableFuture<Answer>> entry : pending.entrySet()) {
			Answer answer = await(entry.getValue(), deadline);
			if (answer == null) {
				unresolved++;
			}
			else if (answer.name() != null) {
				names.put(entry.getKey(), answer.name());
			}
		}
		return new HostNames(names, unresolved);
	}

	/**
	 * The lookup of {@code address} under way, started if there is none. Started outside
	 * the map's update: a refused start removes its entry, which inside
	 * {@code computeIfAbsent} would update the map being computed.
	 */
	private CompletableFuture<Answer> inFlight(IpAddress address) {
		CompletableFuture<Answer> mine = new CompletableFuture<>();
		CompletableFuture<Answer> running = this.inFlight.putIfAbsent(address, mine);
		if (running != null) {
			return running;
		}
		start(address, mine);
		return mine;
	}

	private void start(IpAddress address, CompletableFuture<Answer> answer) {
		try {
			this.lookups.execute(() -> {
				String name = null;
				try {
					name = this.lookup.hostName(address);
				}
				catch (RuntimeException ex) {
					// a failed lookup is an answer too: no name
				}
				remember(address, name);
				this.inFlight.remove(address, answer);
				answer.complete(new Answer(name));
			});
		}
		catch (RejectedExecutionException ex) {
			// too many lookups queued: this one is unresolved now, and may be asked again
			// later
			this.inFlight.remove(address, answer);
			answer.complete(null);
		}
	}

	private synchronized void remember(IpAddress address, String name) {
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		int entries = this.cache.size() + 1;
		if (entries % RESERVED_STEP == 1) {
			try {
				this.cached.resize((entries / RESERVED_STEP + 1) * RESERVED_STEP * BYTES_PER_ENTRY);
			}
			catch (ExpensiveRequests.TooBusyException ex) {
				// the budget is needed elsewhere: the cache starts over, answers are
				// asked
				// again
				this.cache.clear();
				this.cached.resize(RESERVED_STEP * BYTES_PER_ENTRY);
			}
		}
		long ttl = ((name != null) ? this.properties.cacheTtl() : this.properties.failureTtl()).toNanos();
		this.cache.put(address, new Cached(name, System.nanoTime() + ttl));
	}

	/** The answer by the deadline, or null when there is none yet. */
	private static Answer await(CompletableFuture<Answer> answer, long deadline) {
		try {
			return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private record Cached(String name, long expires) {

	}

	/** A lookup's result: the name, or null when the address has none. */
	private record Answer(String name) {

	}

}
