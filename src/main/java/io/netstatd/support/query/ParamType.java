package io.netstatd.support.query;

/**
 * What a parameter takes: how its text is read, what it is when absent, and how the 400
 * problem and the contract describe it.
 *
 * @param <T> the bound value's type
 */
public interface ParamType<T> {

	/**
	 * Reads a value; for a list, its items joined by commas.
	 * @param value the text, percent-decoded
	 * @return the value
	 * @throws InvalidValueException naming the item that is not allowed
	 */
	T parse(String value);

	/**
	 * The value of an absent parameter without a default: an empty set for lists, null
	 * otherwise.
	 * @return the value
	 */
	default T absent() {
		return null;
	}

	/**
	 * What it allows, in words: {@code a port from 0 to 65535, or a range ...}.
	 * @return the words the 400 problem's {@code allowed} and its detail say
	 */
	String allowed();

	/**
	 * Its schema for the contract.
	 * @return the schema
	 */
	ParamSchema schema();

	/**
	 * Whether it takes a list: comma-separated, or the parameter repeated
	 * ({@code port=80&port=443} is {@code port=80,443}). A parameter that does not is a
	 * 400 when repeated.
	 * @return whether it is a list
	 */
	default boolean list() {
		return false;
	}

}
