package io.netstatd.web;

import java.util.Arrays;

import io.netstatd.support.query.InvalidParameterException;

import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Checks and binds a query record from a query string as an endpoint's is, with the
 * service's check and conversions, for unit tests of what a query means.
 */
public final class QueryBinder {

	private QueryBinder() {
	}

	/**
	 * Binds a query string.
	 * @param <T> the record
	 * @param type the record
	 * @param query the query string, {@code name=value&...}, or null
	 * @return the record
	 * @throws InvalidParameterException as the 400 would say it
	 */
	public static <T> T bind(Class<T> type, String query) {
		QueryBinding.check(QueryString.parse(query), type, "/test");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		if (query != null && !query.isEmpty()) {
			Arrays.stream(query.split("&")).map((pair) -> pair.split("=", 2)).forEach((pair) -> {
				String[] before = request.getParameterValues(pair[0]);
				String value = (pair.length > 1) ? pair[1] : "";
				request.addParameter(pair[0], value);
				if (before != null) {
					request.setParameter(pair[0], append(before, value));
				}
			});
		}
		DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
		QueryConversions.register(conversions);
		ExtendedServletRequestDataBinder binder = new ExtendedServletRequestDataBinder(null);
		binder.setTargetType(ResolvableType.forClass(type));
		binder.setConversionService(conversions);
		QueryConversions.customize(binder);
		binder.construct(request);
		if (binder.getBindingResult().getFieldError() != null) {
			throw QueryErrors.of(binder.getBindingResult().getFieldError(), type);
		}
		QueryConversions.checkBounds(binder.getTarget());
		return type.cast(binder.getTarget());
	}

	private static String[] append(String[] before, String value) {
		String[] all = Arrays.copyOf(before, before.length + 1);
		all[before.length] = value;
		return all;
	}

}
