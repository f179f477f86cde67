package io.netstatd.limits;

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
 * @param listMemory {@code netstatd.limits.list-memory}: the memory the socket lists may
 * hold at once, their rows read and not yet written ({@link ListMemory})
 */
@ConfigurationProperties("netstatd.limits")
public record LimitsProperties(@DefaultValue("4") int expensiveRequests, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("64MB") DataSize listMemory) {

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
