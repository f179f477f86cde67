package io.netstatd.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.limits.LimitsProperties;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Costly;
import io.netstatd.support.query.Query;
import io.netstatd.support.query.QuerySpec;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Where a request's meaning is decided, once: before an endpoint of the service runs, its
 * query string is bound by the endpoint's {@link QuerySpec} (none: no parameters at all)
 * into the typed query the endpoint receives; the bound query says whether the request
 * takes one of the few places for expensive walks, whatever the path's spelling; and the
 * request gets its {@link Deadline}, ended with the request however it ends.
 */
final class QueryBinding implements HandlerInterceptor, HandlerMethodArgumentResolver {

	private static final String BOUND = QueryBinding.class.getName() + ".bound";

	private static final String DEADLINE = QueryBinding.class.getName() + ".deadline";

	private static final String PERMIT = QueryBinding.class.getName() + ".permit";

	private static final QuerySpec<?> NONE = new QuerySpec.None();

	/** Each spec made once: a spec holds nothing of a request. */
	private static final Map<Class<?>, QuerySpec<?>> SPECS = new ConcurrentHashMap<>();

	private final ExpensiveRequests expensive;

	private final LimitsProperties limits;

	private final ObjectProvider<SocketSource> sockets;

	QueryBinding(ExpensiveRequests expensive, LimitsProperties limits, ObjectProvider<SocketSource> sockets) {
		this.expensive = expensive;
		this.limits = limits;
		this.sockets = sockets;
	}

	/**
	 * The values bound for the request, when an endpoint of the service bound them.
	 * @param request the request
	 * @return the values, or null
	 */
	static Arguments arguments(HttpServletRequest request) {
		Object bound = request.getAttribute(BOUND);
		return (bound instanceof QuerySpec.Bound<?> values) ? values.arguments() : null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !ours(method)
				|| request.getDispatcherType() != DispatcherType.REQUEST) {
			// bound once, on the request itself: not again on an error or async dispatch
			return true;
		}
		String endpoint = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		QuerySpec.Bound<?> bound = spec(method).bind(QueryString.parse(request.getQueryString()), endpoint);
		request.setAttribute(BOUND, bound);
		if (bound.query() instanceof Costly costly && costly.expensive()) {
			this.expensive.enter();
			request.setAttribute(PERMIT, Boolean.TRUE);
		}
		request.setAttribute(DEADLINE, this.limits.deadline(ClientConnection.of(request, this.sockets)));
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		release(request);
		if (request.getAttribute(DEADLINE) instanceof Deadline deadline) {
			deadline.end();
		}
	}

	/**
	 * The request's answer is gathered: its place among the expensive walks is free for
	 * another, however slowly this client reads what is written next.
	 * @param request the request
	 */
	void release(HttpServletRequest request) {
		if (request.getAttribute(PERMIT) != null) {
			request.removeAttribute(PERMIT);
			this.expensive.release();
		}
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(Query.class) || parameter.getParameterType() == Deadline.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		if (parameter.getParameterType() == Deadline.class) {
			return webRequest.getAttribute(DEADLINE, NativeWebRequest.SCOPE_REQUEST);
		}
		Object bound = webRequest.getAttribute(BOUND, NativeWebRequest.SCOPE_REQUEST);
		return (bound instanceof QuerySpec.Bound<?> values) ? values.query() : null;
	}

	/**
	 * The service's own endpoints; springdoc's, actuator's and Spring's error page bind
	 * their own.
	 */
	private static boolean ours(HandlerMethod method) {
		return method.getBeanType().getPackageName().startsWith("io.netstatd.");
	}

	/**
	 * The spec of an endpoint: the one its {@link Query} names, or none.
	 * @param method the endpoint
	 * @return its spec
	 */
	static QuerySpec<?> spec(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			Query query = parameter.getParameterAnnotation(Query.class);
			if (query != null) {
				return SPECS.computeIfAbsent(query.value(), QueryBinding::instantiate);
			}
		}
		return NONE;
	}

	private static QuerySpec<?> instantiate(Class<?> type) {
		try {
			return (QuerySpec<?>) ReflectionUtils.accessibleConstructor(type).newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("A query spec needs a constructor without arguments: " + type, ex);
		}
	}

}
