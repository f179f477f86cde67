package io.netstatd.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.socket.SkippedLine;

/**
 * Kernel counters grouped as the kernel groups them ({@code Tcp}, {@code TcpExt},
 * {@code Ip6}, {@code TCP} in sockstat, ...), each under the kernel's own name, in the
 * kernel's order; and the lines that could not be read.
 *
 * @param groups counter name to value, by group
 * @param skipped lines left out, and why
 */
public record Counters(Map<String, Map<String, Long>> groups, List<SkippedLine> skipped) {

	public Counters {
		groups = java.util.Collections.unmodifiableMap(groups);
		skipped = List.copyOf(skipped);
	}

	/** The value of {@code group}'s {@code name}, or -1 when this kernel has none. */
	public long value(String group, String name) {
		Map<String, Long> counters = this.groups.get(group);
		Long value = (counters != null) ? counters.get(name) : null;
		return (value != null) ? value : -1;
	}

	/** These groups then those of {@code other}; a group in both gets the later's. */
	public Counters and(Counters other) {
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>(this.groups);
		groups.putAll(other.groups);
		List<SkippedLine> skipped = new ArrayList<>(this.skipped);
		skipped.addAll(other.skipped);
		return new Counters(groups, skipped);
	}

	/** No counters: what an optional file that is absent contributes. */
	static Counters none() {
		return new Counters(Map.of(), List.of());
	}

}
