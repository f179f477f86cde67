package io.netstatd.kernel.socket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The states {@code state} names: netstat's names, ss's, and ss's groups, any case.
 *
 * @param states the states
 */
@Schema(type = "string")
public record StateSet(Set<SocketState> states) implements ListValue {

	static final String ALLOWED = "one or more of " + String.join(", ", SocketState.WORDS) + ", comma-separated";

	public StateSet {
		states = Collections
			.unmodifiableSet(states.isEmpty() ? EnumSet.noneOf(SocketState.class) : EnumSet.copyOf(states));
	}

	/**
	 * The states a parameter gives; Spring converts with it.
	 * @param text the list
	 * @return the states
	 */
	public static StateSet valueOf(String text) {
		return new StateSet(EnumSet.copyOf(Items.read(text, SocketState::named, ALLOWED)));
	}

	/**
	 * The states, or every one when the parameter is absent.
	 * @param states the bound value, or null
	 * @return the states; empty means every one
	 */
	public static Set<SocketState> of(StateSet states) {
		return (states != null) ? states.states() : Set.of();
	}

}
