package io.netstatd.support.query;

import java.util.List;

/**
 * A parameter's schema as the contract states it, free of any OpenAPI library.
 *
 * @param type {@code string}, {@code integer} or {@code boolean}
 * @param enumeration the values allowed, for a closed set of words; null otherwise
 * @param minimum the least integer allowed, or null
 * @param maximum the greatest integer allowed, or null
 * @param pattern a regular expression every value matches, or null
 */
public record ParamSchema(String type, List<String> enumeration, Long minimum, Long maximum, String pattern) {

	/**
	 * A string, optionally matching {@code pattern}.
	 * @param pattern the regular expression, or null
	 * @return the schema
	 */
	public static ParamSchema string(String pattern) {
		return new ParamSchema("string", null, null, null, pattern);
	}

	/**
	 * One of some words.
	 * @param words the words
	 * @return the schema
	 */
	public static ParamSchema oneOf(List<String> words) {
		return new ParamSchema("string", List.copyOf(words), null, null, null);
	}

	/**
	 * An integer within bounds.
	 * @param minimum the least
	 * @param maximum the greatest
	 * @return the schema
	 */
	public static ParamSchema integer(long minimum, long maximum) {
		return new ParamSchema("integer", null, minimum, maximum, null);
	}

	/**
	 * {@code true} or {@code false}.
	 * @return the schema
	 */
	public static ParamSchema bool() {
		return new ParamSchema("boolean", null, null, null, null);
	}

}
