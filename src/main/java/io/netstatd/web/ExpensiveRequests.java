package io.netstatd.web;

import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.netstatd.limits.LimitsProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A bound on the requests that cost a walk of every socket or process: a full socket
 * list, owners, name resolution. Beyond {@code netstatd.limits.expensive-requests} at
 * once the answer is an immediate 503 problem with {@code Retry-After}, never a pile-up
 * of walks that would slow every caller down. The cheap views (the stats, listeners
 * without owners) are not counted.
 */
@Component
public class ExpensiveRequests implements HandlerInterceptor {

	private static final String HELD = ExpensiveRequests.class.getName() + ".held";

	private final Semaphore permits;

	public ExpensiveRequests(LimitsProperties properties) {
		this.permits = new Semaphore(properties.expensiveRequests());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!isExpensive(request)) {
			return true;
		}
		if (!tryAcquire()) {
			throw new TooBusyException();
		}
		request.setAttribute(HELD, Boolean.TRUE);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(HELD) != null) {
			request.removeAttribute(HELD);
			release();
		}
	}

	/** Takes a permit if one is free, without waiting. */
	public boolean tryAcquire() {
		return this.permits.tryAcquire();
	}

	public void release() {
		this.permits.release();
	}

	/**
	 * /connections always; /listening with owners (its default) or names; any read of
	 * every namespace.
	 */
	static boolean isExpensive(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.equals("/namespaces") || "all".equals(request.getParameter("netns"))) {
			return !path.endsWith("/stream");
		}
		if (path.equals("/connections")) {
			return true;
		}
		if (path.equals("/listening")) {
			return !"false".equals(request.getParameter("processes")) || "true".equals(request.getParameter("resolve"));
		}
		return false;
	}

	/** The service is at its bound of expensive requests: a 503 with Retry-After. */
	static class TooBusyException extends RuntimeException {

		TooBusyException() {
			super("Too many socket or process walks are under way; try again in a second.");
		}

	}

}
