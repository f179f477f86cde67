package io.netstatd.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects query parameters an endpoint does not declare: {@code ?prot=tcp} is a typo, and
 * answering it with every socket would mislead the script that sent it. The allowed names
 * are the handler's {@link RequestParam}s and the components of a record it binds the
 * query to, so the rule cannot drift from the endpoints.
 */
class UnknownParameterInterceptor implements HandlerInterceptor {

	private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			Set<String> allowed = this.declared.computeIfAbsent(method.getMethod(), (m) -> declaredNames(method));
			for (String name : request.getParameterMap().keySet()) {
				if (!allowed.contains(name)) {
					String names = allowed.isEmpty() ? "no parameters" : String.join(", ", allowed);
					throw new InvalidParameterException(name,
							"Unknown parameter '" + name + "': " + request.getRequestURI() + " accepts " + names + ".",
							names);
				}
			}
		}
		return true;
	}

	private static Set<String> declaredNames(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation != null) {
				String name = annotation.name();
				names.add(name.isEmpty() ? parameter.getParameterName() : name);
			}
			else if (parameter.getParameterType().isRecord()) {
				// a record bound from the query string: its components are the parameters
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		return names;
	}

}
