package io.netstatd.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every query record's binder is set as {@link QueryConversions#customize} says: the
 * query string alone, strict integers and booleans.
 */
@ControllerAdvice
class QueryStringOnly {

	@InitBinder
	void queryStringOnly(WebDataBinder binder) {
		QueryConversions.customize(binder);
	}

}
