package io.netstatd.support.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on cost.
 *
 * @param expensiveRequests {@code netstatd.limits.expensive-requests}: how many full
 * walks of sockets or processes at once
 * @param requestTimeout {@code netstatd.limits.request-timeout}: the deadline of each
 * request
 * @param memory {@code netstatd.limits.memory}: what the service may hold at once beyond
 * its buffers ({@link MemoryBudget}): a share of the heap ({@code 50%}, the default) or a
 * size ({@code 64MB})
 */
@ConfigurationProperties("netstatd.limits")
public record LimitsProperties(@DefaultValue("4") int expensiveRequests, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("50%") String memory) {

	public LimitsProperties {
		// a wrong value stops the start, naming the property, not the first request
		memoryBytes(memory, Runtime.getRuntime().maxMemory());
	}

	/**
	 * The memory budget in bytes.
	 * @param heap the JVM's heap bound, of which a share is taken
	 * @return the bytes
	 * @throws IllegalArgumentException when {@code memory} is neither a share nor a size
	 */
	public long memoryBytes(long heap) {
		return memoryBytes(this.memory, heap);
	}

	private static long memoryBytes(String memory, long heap) {
		String value = memory.strip();
		try {
			if (value.endsWith("%")) {
				double share = Double.parseDouble(value.substring(0, value.length() - 1));
				if (share > 0 && share <= 100) {
					return (long) (heap * share / 100);
				}
			}
			else {
				long bytes = DataSize.parse(value).toBytes();
				if (bytes > 0) {
					return bytes;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// said below
		}
		throw new IllegalArgumentException("netstatd.limits.memory is '" + memory
				+ "': a share of the heap (1% to 100%, such as 50%) or a size (such as 64MB) is allowed");
	}

	/** A deadline for a request that begins now. */
	public Deadline deadline() {
		return Deadline.in(this.requestTimeout);
	}

	/**
	 * A deadline for a request that begins now, ended early when its client goes.
	 * @param clientGone whether the client's connection is closing or gone
	 * @return the deadline
	 */
	public Deadline deadline(java.util.function.BooleanSupplier clientGone) {
		return Deadline.in(this.requestTimeout, clientGone);
	}

}
