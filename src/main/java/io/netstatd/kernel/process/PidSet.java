package io.netstatd.kernel.process;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Process ids as {@code pid} gives them, comma-separated.
 *
 * @param pids the ids, in the order first given
 */
@Schema(type = "string", pattern = "^[0-9]+(,[0-9]+)*$")
public record PidSet(Set<Integer> pids) implements ListValue {

	public PidSet {
		pids = Collections.unmodifiableSet(new LinkedHashSet<>(pids));
	}

	/**
	 * The ids a parameter gives; Spring converts with it.
	 * @param text the list
	 * @return the ids
	 */
	public static PidSet valueOf(String text) {
		return new PidSet(new LinkedHashSet<>(Items.read(text, (item) -> {
			Integer pid = Items.decimal(item, 1, Integer.MAX_VALUE);
			return (pid != null) ? List.of(pid) : null;
		}, "integers from 1 to " + Integer.MAX_VALUE + ", comma-separated")));
	}

	/**
	 * The ids, or none when the parameter is absent.
	 * @param pids the bound value, or null
	 * @return the ids
	 */
	public static Set<Integer> of(PidSet pids) {
		return (pids != null) ? pids.pids() : Set.of();
	}

}
