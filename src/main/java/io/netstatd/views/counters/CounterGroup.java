package io.netstatd.views.counters;

import java.util.Map;

/**
 * One group of kernel counters as a file shows it ({@code Tcp}, {@code TcpExt},
 * {@code Ip6}, sockstat's {@code TCP}), each counter under the kernel's own name, in the
 * kernel's order.
 *
 * @param name the group, as the kernel names it
 * @param counters its counters by name
 */
public record CounterGroup(String name, Map<String, Long> counters) {

	public CounterGroup {
		counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
	}

}
