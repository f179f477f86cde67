package io.netstatd.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict parsing of query parameter values: a value that is not exactly what the
 * parameter allows is an {@link InvalidParameterException}, never a silent default. Ops
 * scripts pass these by hand, and {@code port=0x50} or {@code port=} must not quietly
 * mean "all ports".
 */
public final class QueryParameters {

	private static final String PORTS = "an integer from 0 to 65535";

	private QueryParameters() {
	}

	/** A port, or {@code null} when the parameter is absent. */
	public static Integer port(String name, String value) {
		return (value != null) ? integer(name, value, 0, 65535, PORTS) : null;
	}

	/** An integer from {@code min} to {@code max}, or {@code fallback} when absent. */
	public static int integer(String name, String value, int min, int max, int fallback) {
		return (value != null) ? integer(name, value, min, max, "an integer from " + min + " to " + max) : fallback;
	}

	/** One of {@code allowed}, exactly; {@code null} when absent. */
	public static String oneOf(String name, String value, List<String> allowed) {
		if (value != null && !allowed.contains(value)) {
			throw invalid(name, value, "one of " + String.join(", ", allowed));
		}
		return value;
	}

	/** {@code true} or {@code false}, exactly; {@code fallback} when absent. */
	public static boolean bool(String name, String value, boolean fallback) {
		if (value == null) {
			return fallback;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw invalid(name, value, "true or false");
		}
		return Boolean.parseBoolean(value);
	}

	/**
	 * A comma-separated list of names, each looked up by {@code lookup} (which answers
	 * null for an unknown name); the empty set when the parameter is absent.
	 */
	public static <E> Set<E> list(String name, String value, Function<String, E> lookup, Set<E> allowed) {
		Set<E> values = new LinkedHashSet<>();
		if (value == null) {
			return values;
		}
		for (String item : value.split(",", -1)) {
			E element = item.isBlank() ? null : lookup.apply(item.strip());
			if (element == null || !allowed.contains(element)) {
				throw invalid(name, item, "one or more of " + join(allowed) + ", comma-separated");
			}
			values.add(element);
		}
		return values;
	}

	private static int integer(String name, String value, int min, int max, String allowed) {
		// digits only: Integer.parseInt would take "+80", and a leading zero hides typos
		// less
		// than it helps, so only a plain decimal passes
		if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| (value.length() > 1 && value.charAt(0) == '0')) {
			throw invalid(name, value, allowed);
		}
		long number = Long.parseLong(value);
		if (number < min || number > max) {
			throw invalid(name, value, allowed);
		}
		return (int) number;
	}

	private static InvalidParameterException invalid(String name, String value, String allowed) {
		return new InvalidParameterException(name,
				"Invalid value '" + value + "' for parameter '" + name + "': expected " + allowed + ".", allowed);
	}

	private static String join(Set<?> allowed) {
		StringBuilder text = new StringBuilder();
		for (Object element : allowed) {
			text.append((text.length() > 0) ? ", " : "").append(element);
		}
		return text.toString();
	}

}
