package io.netstatd.support.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One endpoint's parameters and the typed query they make: the only place an endpoint's
 * query string is given meaning. An endpoint names its spec with {@link Query}; a spec is
 * a class of its own so that the annotation can name it.
 *
 * @param <Q> the query
 */
public abstract class QuerySpec<Q> {

	private final List<Param<?>> parameters;

	private final Function<Arguments, Q> bind;

	/**
	 * A spec.
	 * @param parameters every parameter the endpoint takes, in the contract's order
	 * @param bind the query the bound values make; it may reject values that do not go
	 * together with an {@link InvalidParameterException}
	 */
	protected QuerySpec(List<Param<?>> parameters, Function<Arguments, Q> bind) {
		this.parameters = List.copyOf(parameters);
		this.bind = bind;
	}

	/**
	 * The parameters, in the contract's order.
	 * @return the parameters
	 */
	public List<Param<?>> parameters() {
		return this.parameters;
	}

	/**
	 * Binds a query string: each parameter read by its type, its default where absent.
	 * @param query the query string's parameters, decoded, each with its values in order
	 * @param endpoint the path, for the message about an unknown parameter
	 * @return the query and the values it was made of
	 * @throws InvalidParameterException for an unknown parameter, a value not allowed,
	 * one value given twice, or values that do not go together
	 */
	public Bound<Q> bind(Map<String, List<String>> query, String endpoint) {
		Map<String, Param<?>> byName = new LinkedHashMap<>();
		this.parameters.forEach((parameter) -> byName.put(parameter.name(), parameter));
		for (String name : query.keySet()) {
			if (!byName.containsKey(name)) {
				throw unknown(name, endpoint, byName.keySet());
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Param<?> parameter : this.parameters) {
			values.put(parameter.name(), value(parameter, query.get(parameter.name())));
		}
		Arguments arguments = new Arguments(values);
		return new Bound<>(this.bind.apply(arguments), arguments);
	}

	private static Object value(Param<?> parameter, List<String> given) {
		if (given == null) {
			return parameter.absent();
		}
		ParamType<?> type = parameter.type();
		if (given.size() > 1 && !type.list()) {
			throw new InvalidParameterException(parameter.name(), "Parameter '" + parameter.name() + "' is given "
					+ given.size() + " times: it takes one value, " + type.allowed() + ".", type.allowed());
		}
		try {
			return type.parse(String.join(",", given));
		}
		catch (InvalidValueException ex) {
			throw InvalidParameterException.invalidValue(parameter.name(), ex.value(), type.allowed());
		}
	}

	private static InvalidParameterException unknown(String name, String endpoint, Set<String> declared) {
		Set<String> sorted = new TreeSet<>(declared);
		String names = sorted.isEmpty() ? "no parameters" : String.join(", ", sorted);
		return new InvalidParameterException(name, "Unknown parameter '" + InvalidParameterException.echo(name) + "': "
				+ InvalidParameterException.echo(endpoint) + " accepts " + names + ".", names);
	}

	/**
	 * A spec's parameters followed by some more: what a derived endpoint (a stream of a
	 * list) declares.
	 * @param first the parameters it shares
	 * @param more its own
	 * @return both, in that order
	 */
	public static List<Param<?>> join(List<Param<?>> first, List<Param<?>> more) {
		List<Param<?>> all = new ArrayList<>(first);
		all.addAll(more);
		return all;
	}

	/**
	 * A query bound, and the values it was made of.
	 *
	 * @param <Q> the query
	 * @param query the query
	 * @param arguments every declared parameter's value
	 */
	public record Bound<Q>(Q query, Arguments arguments) {

	}

	/**
	 * The spec of an endpoint that takes no parameters: any parameter is unknown.
	 */
	public static final class None extends QuerySpec<Void> {

		public None() {
			super(List.of(), (arguments) -> null);
		}

	}

}
