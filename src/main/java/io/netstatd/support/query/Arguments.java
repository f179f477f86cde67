package io.netstatd.support.query;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of one request's parameters, each bound by its declaration's type, looked up
 * by name: an endpoint declares each name once.
 */
public final class Arguments {

	private final Map<String, Object> values;

	Arguments(Map<String, Object> values) {
		// a HashMap: an absent parameter without default is declared, with no value
		this.values = Collections.unmodifiableMap(new HashMap<>(values));
	}

	/**
	 * The value of {@code parameter}: given, its default, or absent.
	 * @param <T> its type
	 * @param parameter a parameter the endpoint declares
	 * @return the value; null for an absent scalar without default
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Param<T> parameter) {
		Object value = this.values.get(parameter.name());
		return (value != null) ? (T) value : parameter.type().absent();
	}

	/**
	 * Whether the endpoint declares a parameter of this name.
	 * @param parameter a parameter
	 * @return whether it is one of the endpoint's
	 */
	public boolean declares(Param<?> parameter) {
		return this.values.containsKey(parameter.name());
	}

}
