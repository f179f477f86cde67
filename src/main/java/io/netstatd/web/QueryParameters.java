package io.netstatd.web;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.netstatd.socket.AddressRange;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.PortRange;
import io.netstatd.socket.SocketOrder;
import io.netstatd.socket.SocketState;

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

	/** A port or a range of ports ({@code 1024-65535}), or {@code null} when absent. */
	public static PortRange portRange(String name, String value) {
		if (value == null) {
			return null;
		}
		PortRange range = PortRange.parse(value);
		if (range == null) {
			throw invalid(name, value, "a port from 0 to 65535, or a range of them such as 1024-65535");
		}
		return range;
	}

	/** An address or a CIDR block, or {@code null} when absent. */
	public static AddressRange addressRange(String name, String value) {
		if (value == null) {
			return null;
		}
		AddressRange range = AddressRange.parse(value);
		if (range == null) {
			throw invalid(name, value,
					"an IPv4 or IPv6 address, or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32 (no host names)");
		}
		return range;
	}

	/**
	 * Socket states: netstat's names (case-insensitive, ss's dashed spelling too) and
	 * ss's groups ({@code all}, {@code connected}, {@code synchronized}, {@code bucket},
	 * {@code big}), comma-separated; the empty set when absent.
	 */
	public static Set<SocketState> states(String name, String value) {
		Set<SocketState> states = EnumSet.noneOf(SocketState.class);
		if (value == null) {
			return states;
		}
		for (String item : value.split(",", -1)) {
			Set<SocketState> group = SocketState.group(item.strip());
			SocketState state = SocketState.fromName(item.strip());
			if (group == null && (item.isBlank() || state == null)) {
				throw invalid(name, item, "one or more of " + join(EnumSet.allOf(SocketState.class))
						+ " or the groups all, connected, synchronized, bucket, big, comma-separated");
			}
			states.addAll((group != null) ? group : Set.of(state));
		}
		return states;
	}

	/**
	 * A sort order: column names, each optionally prefixed with {@code -}; null when
	 * absent.
	 */
	public static Comparator<InetSocket> sort(String name, String value) {
		if (value == null) {
			return null;
		}
		Comparator<InetSocket> order = null;
		for (String key : value.split(",", -1)) {
			Comparator<InetSocket> column = SocketOrder.of(key.strip());
			if (column == null) {
				throw invalid(name, key, "one or more of " + String.join(", ", SocketOrder.COLUMNS.keySet())
						+ ", each with a leading - for descending, comma-separated");
			}
			order = (order == null) ? column : order.thenComparing(column);
		}
		return order;
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
