package io.netstatd.support.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The durations a {@code java.time.Duration} parameter takes, written as a client writes
 * them ({@code 1s}, {@code 1500ms}, {@code 1m}, or whole seconds). Spring's formatting
 * reads the annotation where it converts the parameter, so the bound and the parse are
 * one place.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DurationRange {

	/**
	 * The shortest.
	 * @return a duration such as {@code 1s}
	 */
	String min();

	/**
	 * The longest.
	 * @return a duration such as {@code 60s}
	 */
	String max();

}
