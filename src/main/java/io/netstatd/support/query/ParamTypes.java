package io.netstatd.support.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.netstatd.support.inet.AddressRange;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;

import org.springframework.boot.convert.DurationStyle;

/**
 * The kinds of value parameters take, one grammar for every endpoint: numbers are plain
 * decimals (no sign, no leading zero, no hex: {@code port=0x50} and {@code port=} must
 * not quietly mean "all ports"); words of a closed set are read in any case; lists are
 * comma-separated or repeated.
 */
public final class ParamTypes {

	private static final String PORTS = "ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated";

	private static final String ADDRESSES = "IPv4 or IPv6 addresses and CIDR blocks such as 10.0.0.0/8 or "
			+ "2001:db8::/32 (no host names), comma-separated";

	private ParamTypes() {
	}

	/**
	 * {@code true} or {@code false}, in any case.
	 * @return the type
	 */
	public static ParamType<Boolean> bool() {
		return single((value) -> switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		}, "true or false", ParamSchema.bool());
	}

	/**
	 * An integer from {@code min} to {@code max}.
	 * @param min the least
	 * @param max the greatest
	 * @return the type
	 */
	public static ParamType<Integer> integer(int min, int max) {
		return single((value) -> decimal(value, min, max), "an integer from " + min + " to " + max,
				ParamSchema.integer(min, max));
	}

	/**
	 * Integers from {@code min} to {@code max}, comma-separated.
	 * @param min the least
	 * @param max the greatest
	 * @return the type
	 */
	public static ParamType<Set<Integer>> integers(int min, int max) {
		return set((item) -> {
			Integer number = decimal(item, min, max);
			return (number != null) ? List.of(number) : null;
		}, "integers from " + min + " to " + max + ", comma-separated", ParamSchema.string("^[0-9]+(,[0-9]+)*$"));
	}

	/**
	 * Ports and ranges of ports ({@code 80,443,8000-8099}).
	 * @return the type
	 */
	public static ParamType<PortSet> ports() {
		return list(PortRange::parse, PortSet::new, PORTS,
				ParamSchema.string("^[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*$"));
	}

	/**
	 * Addresses and CIDR blocks.
	 * @return the type
	 */
	public static ParamType<AddressSet> addresses() {
		return list(AddressRange::parse, AddressSet::new, ADDRESSES, ParamSchema.string(null));
	}

	/**
	 * Words of a closed set, in any case, comma-separated; a word may stand for several
	 * values (a group).
	 * @param <E> the values
	 * @param lookup the values a word (given in its case) stands for, or null when none
	 * @param words every word allowed, as the contract and the 400 list them
	 * @return the type
	 */
	public static <E> ParamType<Set<E>> words(Function<String, Collection<E>> lookup, List<String> words) {
		return set(lookup, "one or more of " + String.join(", ", words) + ", comma-separated",
				ParamSchema.string(null));
	}

	/**
	 * One word of a closed set, in any case.
	 * @param <E> the values
	 * @param values the values, each named by its {@code toString()}
	 * @return the type
	 */
	@SafeVarargs
	public static <E> ParamType<E> oneOf(E... values) {
		List<String> names = Arrays.stream(values).map(Object::toString).toList();
		return single((value) -> Arrays.stream(values)
			.filter((candidate) -> candidate.toString().equalsIgnoreCase(value))
			.findFirst()
			.orElse(null), "one of " + String.join(", ", names), ParamSchema.oneOf(names));
	}

	/**
	 * Names as given (case kept), comma-separated, none empty.
	 * @param what what the names are, for the 400: {@code process names}
	 * @return the type
	 */
	public static ParamType<Set<String>> names(String what) {
		return set((item) -> item.isEmpty() ? null : List.of(item), what + ", comma-separated",
				ParamSchema.string(null));
	}

	/**
	 * A duration from {@code min} to {@code max}: {@code 2s}, {@code 1500ms}, {@code 1m},
	 * or whole seconds.
	 * @param min the shortest
	 * @param max the longest
	 * @return the type
	 */
	public static ParamType<Duration> duration(Duration min, Duration max) {
		String allowed = "a duration from " + text(min) + " to " + text(max) + ", such as 1s, 1500ms or 1m";
		return single((value) -> {
			Duration duration;
			try {
				duration = (!value.isEmpty() && value.chars().allMatch((c) -> c >= '0' && c <= '9'))
						? Duration.ofSeconds(Long.parseLong(value)) : DurationStyle.SIMPLE.parse(value);
			}
			catch (RuntimeException ex) {
				return null;
			}
			return (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) ? null : duration;
		}, allowed, ParamSchema.string("^[0-9]+(ms|s|m)?$"));
	}

	/**
	 * A value of a kind of its own.
	 * @param <T> the value
	 * @param parser the value text stands for, or null when it stands for none
	 * @param allowed what is allowed, in words
	 * @param schema its schema
	 * @return the type
	 */
	public static <T> ParamType<T> single(Function<String, T> parser, String allowed, ParamSchema schema) {
		return new Single<>(parser, allowed, schema);
	}

	/**
	 * A list whose items are read one by one into a set, in the order given.
	 * @param <E> the items' values
	 * @param item the values one item stands for, or null when it stands for none
	 * @param allowed what is allowed, in words
	 * @param schema its schema
	 * @return the type
	 */
	public static <E> ParamType<Set<E>> set(Function<String, Collection<E>> item, String allowed, ParamSchema schema) {
		return new ItemList<>((items) -> Collections.unmodifiableSet(new LinkedHashSet<>(items)), Set.of(),
				(text) -> item.apply(text.strip()), allowed, schema);
	}

	private static <E, C> ParamType<C> list(Function<String, E> item, Function<List<E>, C> collect, String allowed,
			ParamSchema schema) {
		return new ItemList<>(collect, null, (text) -> {
			E value = item.apply(text.strip());
			return (value != null) ? List.of(value) : null;
		}, allowed, schema);
	}

	/**
	 * A plain decimal from {@code min} to {@code max}, or null: digits only, no sign, no
	 * leading zero ({@code Integer.parseInt} would take {@code +80}).
	 */
	private static Integer decimal(String value, int min, int max) {
		if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| (value.length() > 1 && value.charAt(0) == '0')) {
			return null;
		}
		long number = Long.parseLong(value);
		return (number < min || number > max) ? null : (int) number;
	}

	private static String text(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? (duration.toSeconds() + "s") : (duration.toMillis() + "ms");
	}

	/** One value. */
	private record Single<T>(Function<String, T> parser, String allowed, ParamSchema schema) implements ParamType<T> {

		@Override
		public T parse(String value) {
			T parsed = this.parser.apply(value);
			if (parsed == null) {
				throw new InvalidValueException(value);
			}
			return parsed;
		}

	}

	/** Comma-separated items, each read alone; the first one not allowed is named. */
	private record ItemList<E, C>(Function<List<E>, C> collect, C absent, Function<String, Collection<E>> item,
			String allowed, ParamSchema schema) implements ParamType<C> {

		@Override
		public C parse(String value) {
			List<E> values = new ArrayList<>();
			for (String text : value.split(",", -1)) {
				Collection<E> parsed = text.isBlank() ? null : this.item.apply(text);
				if (parsed == null) {
					throw new InvalidValueException(text);
				}
				values.addAll(parsed);
			}
			return this.collect.apply(values);
		}

		@Override
		public boolean list() {
			return true;
		}

	}

}
