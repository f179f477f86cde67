package io.netstatd.support.query;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Names as given, case kept, comma-separated, none empty: process names, counter groups,
 * pods.
 *
 * @param names the names, in the order first given
 */
@Schema(type = "string")
public record NameSet(Set<String> names) implements ListValue {

	static final String ALLOWED = "names, comma-separated, none empty";

	public NameSet {
		names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
	}

	/**
	 * The names a parameter gives; Spring converts with it.
	 * @param text the list
	 * @return the names
	 */
	public static NameSet valueOf(String text) {
		return new NameSet(new LinkedHashSet<>(Items.read(text, List::of, ALLOWED)));
	}

	/**
	 * The names, or none when the parameter is absent.
	 * @param names the bound value, or null
	 * @return the names
	 */
	public static Set<String> of(NameSet names) {
		return (names != null) ? names.names() : Set.of();
	}

	/**
	 * Checks each name against a pattern, for names of a kind (pods).
	 * @param parameter the parameter's name, for the problem
	 * @param pattern what each name must match
	 * @param allowed what is allowed, in words
	 * @return the names
	 * @throws InvalidParameterException naming the first that does not match
	 */
	public Set<String> matching(String parameter, String pattern, String allowed) {
		for (String name : this.names) {
			if (!name.matches(pattern)) {
				throw InvalidParameterException.invalidValue(parameter, name, allowed);
			}
		}
		return this.names;
	}

}
