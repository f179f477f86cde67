package io.netstatd.views.counters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.support.report.Skipped;

/**
 * Kernel counters grouped as the kernel groups them ({@code Tcp}, {@code TcpExt},
 * {@code Ip6}, {@code TCP} in sockstat, ...), each under the kernel's own name, in the
 * kernel's order; and the lines that could not be read.
 *
 * @param groups counter name to value, by group
 * @param skipped lines left out, and why
 */
public record Counters(Map<String, Map<String, Long>> groups, Skipped skipped) {

	public Counters {
		groups = Collections.unmodifiableMap(groups);
	}

	/**
	 * The groups the files held, a group that several lines or files hold (snmp6's
	 * counters, one per line) merged in their order.
	 * @param parsed the groups read
	 * @return the counters
	 */
	public static Counters of(Parsed<CounterGroup> parsed) {
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
		for (CounterGroup group : parsed.rows()) {
			groups.computeIfAbsent(group.name(), (name) -> new LinkedHashMap<>()).putAll(group.counters());
		}
		return new Counters(groups, parsed.skipped());
	}

	/**
	 * The value of {@code group}'s {@code name}.
	 * @param group the group
	 * @param name the counter
	 * @return its value, or -1 when this kernel has none
	 */
	public long value(String group, String name) {
		Map<String, Long> counters = this.groups.get(group);
		Long value = (counters != null) ? counters.get(name) : null;
		return (value != null) ? value : -1;
	}

}
