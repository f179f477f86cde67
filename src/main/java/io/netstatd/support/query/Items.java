package io.netstatd.support.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The items of a comma-separated list, each read alone: the grammar every list parameter
 * shares. An empty item ({@code 80,,443}) is not allowed.
 */
public final class Items {

	private Items() {
	}

	/**
	 * Reads every item.
	 * @param <E> the items' values
	 * @param text the list
	 * @param item the values one item (stripped) stands for, or null when none
	 * @param allowed what the list allows, in words
	 * @return the values, in the order given
	 * @throws InvalidValueException naming the first item not allowed
	 */
	public static <E> List<E> read(String text, Function<String, ? extends Collection<E>> item, String allowed) {
		List<E> values = new ArrayList<>();
		for (String given : text.split(",", -1)) {
			Collection<E> read = given.isBlank() ? null : item.apply(given.strip());
			if (read == null) {
				throw new InvalidValueException(given, allowed);
			}
			values.addAll(read);
		}
		return values;
	}

	/**
	 * A plain decimal from {@code min} to {@code max}, or null: digits only, no sign, no
	 * leading zero ({@code Integer.parseInt} would take {@code +80}, Spring's number
	 * conversion {@code 0x50}).
	 * @param value the text
	 * @param min the least
	 * @param max the greatest
	 * @return the number, or null
	 */
	public static Integer decimal(String value, long min, long max) {
		if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| (value.length() > 1 && value.charAt(0) == '0')) {
			return null;
		}
		long number = Long.parseLong(value);
		return (number < min || number > max) ? null : (int) number;
	}

}
