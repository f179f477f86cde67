package io.netstatd.web;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.LimitsProperties;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.ListValue;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * An endpoint's query is a record on its controller method, which Spring MVC binds from
 * the query string (its data binding, the converters of {@link QueryConversions}). Three
 * things Spring's binding does not do are done here, before and after it:
 * <ul>
 * <li>before: a parameter the record does not declare, or one that takes one value given
 * twice, is a 400 naming what the endpoint accepts (Spring ignores the first and keeps
 * the first value of the second);</li>
 * <li>after: each integer is within the bounds the contract declares, and the format the
 * query names chooses the representation;</li>
 * <li>around: the request gets its {@link Deadline}, ended with the request however it
 * ends.</li>
 * </ul>
 */
final class QueryBinding implements HandlerInterceptor, HandlerMethodArgumentResolver {

	private static final String DEADLINE = QueryBinding.class.getName() + ".deadline";

	private static final String FORMAT = QueryBinding.class.getName() + ".format";

	/** Each query record's parameters, read once. */
	private static final Map<Class<?>, Map<String, Declared>> DECLARED = new ConcurrentHashMap<>();

	private final HandlerMethodArgumentResolver records = new ServletModelAttributeMethodProcessor(true);

	private final LimitsProperties limits;

	private final ObjectProvider<SocketSource> sockets;

	QueryBinding(LimitsProperties limits, ObjectProvider<SocketSource> sockets) {
		this.limits = limits;
		this.sockets = sockets;
	}

	/**
	 * The representation the request's bound query names.
	 * @param request the request
	 * @return the format, or null when {@code Accept} decides
	 */
	static Format format(HttpServletRequest request) {
		return (request.getAttribute(FORMAT) instanceof Format format) ? format : null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !ours(method.getBeanType())
				|| request.getDispatcherType() != DispatcherType.REQUEST) {
			// checked once, on the request itself: not again on an error or async
			// dispatch
			return true;
		}
		String endpoint = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		check(QueryString.parse(request.getQueryString()), queryOf(method), endpoint);
		request.setAttribute(DEADLINE, this.limits.deadline(ClientConnection.of(request, this.sockets)));
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(DEADLINE) instanceof Deadline deadline) {
			deadline.end();
		}
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Deadline.class || query(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
		if (parameter.getParameterType() == Deadline.class) {
			return webRequest.getAttribute(DEADLINE, NativeWebRequest.SCOPE_REQUEST);
		}
		Object query;
		try {
			query = this.records.resolveArgument(parameter, container, webRequest, binderFactory);
		}
		catch (BeanInstantiationException ex) {
			// a record refuses values that do not go together from its constructor
			throw (ex.getCause() instanceof InvalidParameterException refused) ? refused : ex;
		}
		QueryConversions.checkBounds(query);
		if (query instanceof Formatted formatted && formatted.format() != null) {
			webRequest.setAttribute(FORMAT, formatted.format(), NativeWebRequest.SCOPE_REQUEST);
		}
		return query;
	}

	/**
	 * Checks a query string against the parameters a query record declares: each name one
	 * of them, an empty value refused where Spring would bind it as absent, a value given
	 * twice only to a list.
	 * @param given the query string's parameters, each with its values
	 * @param query the endpoint's query record, or null for an endpoint without one
	 * @param endpoint the path, for the message about an unknown parameter
	 * @throws InvalidParameterException naming the first parameter refused
	 */
	static void check(Map<String, List<String>> given, Class<?> query, String endpoint) {
		Map<String, Declared> declared = (query != null) ? DECLARED.computeIfAbsent(query, QueryBinding::declared)
				: Map.of();
		given.forEach((name, values) -> {
			Declared parameter = declared.get(name);
			if (parameter == null) {
				Set<String> sorted = new TreeSet<>(declared.keySet());
				String names = sorted.isEmpty() ? "no parameters" : String.join(", ", sorted);
				throw new InvalidParameterException(name, "Unknown parameter '" + InvalidParameterException.echo(name)
						+ "': " + InvalidParameterException.echo(endpoint) + " accepts " + names + ".", names);
			}
			if (parameter.whenEmpty() != null && values.contains("")) {
				throw InvalidParameterException.invalidValue(name, "", parameter.whenEmpty());
			}
			if (values.size() > 1 && !parameter.list()) {
				String allowed = (parameter.allowed() != null) ? "one value, " + parameter.allowed() : "one value";
				throw new InvalidParameterException(name,
						"Parameter '" + name + "' is given " + values.size() + " times: it takes " + allowed + ".",
						allowed);
			}
		});
	}

	/** A query record's components, each with what the check needs of it. */
	private static Map<String, Declared> declared(Class<?> query) {
		Map<String, Declared> declared = new HashMap<>();
		for (RecordComponent component : query.getRecordComponents()) {
			declared.put(component.getName(), new Declared(ListValue.class.isAssignableFrom(component.getType()),
					QueryConversions.allowed(component), QueryConversions.allowedWhenEmpty(component)));
		}
		return declared;
	}

	/** The endpoint's query record, or null when it takes none. */
	private static Class<?> queryOf(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (query(parameter.getParameterType())) {
				return parameter.getParameterType();
			}
		}
		return null;
	}

	/**
	 * A typed query: a record of the service's own, which Spring binds from the query.
	 */
	private static boolean query(Class<?> type) {
		return type.isRecord() && ours(type);
	}

	/**
	 * The service's own endpoints; springdoc's, actuator's and Spring's error page bind
	 * their own.
	 */
	private static boolean ours(Class<?> type) {
		return type.getPackageName().startsWith("io.netstatd.");
	}

	/**
	 * A parameter an endpoint declares.
	 *
	 * @param list whether it takes a list
	 * @param allowed what an integer allows, or null
	 * @param whenEmpty what it allows, where Spring would bind an empty value as absent;
	 * null where the type refuses it
	 */
	private record Declared(boolean list, String allowed, String whenEmpty) {

	}

}
