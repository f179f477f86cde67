package io.netstatd.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.netstatd.support.query.DurationRange;
import io.netstatd.support.query.Durations;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.InvalidValueException;
import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * How Spring converts query text into the typed queries' components where its defaults
 * would be looser than the contract: decimals only ({@code 0x50} is no port, {@code +5}
 * no limit), within the bounds the contract's {@link Schema} declares; {@code true} or
 * {@code false} only (not {@code yes}); a closed set's words in any case; durations
 * within their {@link DurationRange}; a repeated list parameter as one comma-separated
 * list (Spring would keep the first value). The value types with a grammar of their own
 * (ports, addresses, states) convert through their {@code valueOf(String)}, which Spring
 * finds by itself.
 */
final class QueryConversions {

	private QueryConversions() {
	}

	/**
	 * The conversions of the MVC conversion service.
	 * @param registry the service
	 */
	static void register(FormatterRegistry registry) {
		registry.addConverterFactory(new Words());
		registry.addFormatterForFieldAnnotation(new BoundedDurations());
		registry.addConverter(new RepeatedLists((ConversionService) registry));
	}

	/**
	 * A query's binder: the query string alone (since Spring Framework 6.2 a record's
	 * components are also bound from request headers of the same name), and strict
	 * integers and booleans. Those two take property editors, not converters: Spring's
	 * binder falls back to its default editors (which take {@code yes} and {@code 0x50})
	 * when a converter refuses a value.
	 * @param binder the binder of a query record
	 */
	static void customize(WebDataBinder binder) {
		if (binder instanceof ExtendedServletRequestDataBinder request) {
			request.setHeaderPredicate((header) -> false);
		}
		binder.registerCustomEditor(Boolean.class, new Strict(QueryConversions::bool));
		binder.registerCustomEditor(Integer.class, new Strict(QueryConversions::decimal));
	}

	/**
	 * Checks each integer of a bound query against the bounds the contract declares for
	 * it.
	 * @param query the bound record
	 * @throws InvalidParameterException naming the first out of bounds
	 */
	static void checkBounds(Object query) {
		for (RecordComponent component : query.getClass().getRecordComponents()) {
			String allowed = allowed(component);
			Object value = (allowed != null) ? value(component, query) : null;
			if (value instanceof Integer number && (number < min(component) || number > max(component))) {
				throw InvalidParameterException.invalidValue(component.getName(), number.toString(), allowed);
			}
		}
	}

	private static Object value(RecordComponent component, Object query) {
		Method accessor = component.getAccessor();
		ReflectionUtils.makeAccessible(accessor);
		return ReflectionUtils.invokeMethod(accessor, query);
	}

	/**
	 * What an integer component allows, from its {@link Schema}.
	 * @param component a record component
	 * @return {@code an integer from 0 to 1000}, or null for a component that is no
	 * integer
	 */
	static String allowed(RecordComponent component) {
		if (component.getType() != Integer.class) {
			return null;
		}
		return "an integer from " + min(component) + " to " + max(component);
	}

	/**
	 * What a component allows, for an empty value where Spring's binder would bind null
	 * (and so the default) instead of refusing it: after a converter refuses the empty
	 * text, it gives an enum null, and its formatting skips empty text.
	 * @param component a record component
	 * @return what it allows, or null for a type that refuses empty text itself
	 */
	static String allowedWhenEmpty(RecordComponent component) {
		Class<?> type = component.getType();
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		Field field = ReflectionUtils.findField(component.getDeclaringRecord(), component.getName());
		DurationRange range = (field != null) ? field.getAnnotation(DurationRange.class) : null;
		if (type == Duration.class && range != null) {
			return Durations.allowed(Durations.of(range.min()), Durations.of(range.max()));
		}
		return null;
	}

	private static long min(RecordComponent component) {
		Schema schema = schema(component);
		return (schema != null && !schema.minimum().isEmpty()) ? Long.parseLong(schema.minimum()) : 0;
	}

	private static long max(RecordComponent component) {
		Schema schema = schema(component);
		return (schema != null && !schema.maximum().isEmpty()) ? Long.parseLong(schema.maximum()) : Integer.MAX_VALUE;
	}

	/**
	 * The component's schema: on its field, as Schema does not target record components.
	 */
	private static Schema schema(RecordComponent component) {
		Field field = ReflectionUtils.findField(component.getDeclaringRecord(), component.getName());
		return (field != null) ? field.getAnnotation(Schema.class) : null;
	}

	private static Boolean bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new InvalidValueException(value, "true or false");
		};
	}

	private static Integer decimal(String value) {
		Integer number = Items.decimal(value, 0, Integer.MAX_VALUE);
		if (number == null) {
			throw new InvalidValueException(value, "an integer");
		}
		return number;
	}

	/** An editor that reads text with a function, and refuses what it refuses. */
	private static final class Strict extends PropertyEditorSupport {

		private final Function<String, Object> read;

		Strict(Function<String, Object> read) {
			this.read = read;
		}

		@Override
		public void setAsText(String text) {
			setValue(this.read.apply(text));
		}

	}

	/**
	 * A word of a closed set (an enum, each constant named by its toString), any case.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final class Words implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
			T[] values = type.getEnumConstants();
			String allowed = "one of " + Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
			return (value) -> Arrays.stream(values)
				.filter((candidate) -> candidate.toString().equalsIgnoreCase(value))
				.findFirst()
				.orElseThrow(() -> new InvalidValueException(value, allowed));
		}

	}

	/** A duration within the bounds its {@link DurationRange} gives. */
	private static final class BoundedDurations implements AnnotationFormatterFactory<DurationRange> {

		@Override
		public Set<Class<?>> getFieldTypes() {
			return Set.of(Duration.class);
		}

		@Override
		public Printer<?> getPrinter(DurationRange range, Class<?> fieldType) {
			return (value, locale) -> Durations.text((Duration) value);
		}

		@Override
		public Parser<?> getParser(DurationRange range, Class<?> fieldType) {
			Duration min = Durations.of(range.min());
			Duration max = Durations.of(range.max());
			return (text, locale) -> Durations.read(text, min, max);
		}

	}

	/** {@code port=80&port=443} as {@code port=80,443}. */
	private record RepeatedLists(ConversionService conversions) implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String[].class, ListValue.class));
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			return this.conversions.convert(String.join(",", (String[]) source), TypeDescriptor.valueOf(String.class),
					targetType);
		}

	}

}
