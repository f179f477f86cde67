package io.netstatd.web;

import java.lang.reflect.RecordComponent;

import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.InvalidValueException;

import org.springframework.validation.FieldError;

/**
 * The 400 a value Spring could not bind makes: the parameter is the field, the value the
 * item the type refused, what is allowed what the type said
 * ({@link InvalidValueException}, thrown where Spring converted the text).
 */
final class QueryErrors {

	private QueryErrors() {
	}

	/**
	 * The problem of one field that did not bind.
	 * @param error the field's binding error
	 * @param query the query record
	 * @return the problem's exception
	 */
	static InvalidParameterException of(FieldError error, Class<?> query) {
		InvalidValueException refused = cause(error.unwrap(Throwable.class));
		String given = (error.getRejectedValue() instanceof String[] values) ? String.join(",", values)
				: String.valueOf(error.getRejectedValue());
		String allowed = (refused != null) ? refused.allowed() : "a valid value";
		for (RecordComponent component : query.getRecordComponents()) {
			if (component.getName().equals(error.getField()) && QueryConversions.allowed(component) != null) {
				// an integer's bounds are its component's, which its editor does not see
				allowed = QueryConversions.allowed(component);
			}
		}
		return InvalidParameterException.invalidValue(error.getField(), (refused != null) ? refused.value() : given,
				allowed);
	}

	private static InvalidValueException cause(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidValueException refused) {
				return refused;
			}
		}
		return null;
	}

}
