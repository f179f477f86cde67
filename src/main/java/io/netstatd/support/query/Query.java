package io.netstatd.support.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint's query, bound from the query string by the spec named. An endpoint
 * without one takes no parameters.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Query {

	/**
	 * The spec that declares the endpoint's parameters.
	 * @return the spec's class, which has a constructor without arguments
	 */
	Class<? extends QuerySpec<?>> value();

}
