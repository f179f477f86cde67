package io.netstatd.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request meets once it is let in (after authentication, so that nothing is
 * told to a caller without credentials): only GET and HEAD are served, anything else is a
 * 405 problem with {@code Allow}, OPTIONS and unknown methods included; and an empty
 * {@code Accept} is no {@code Accept}, as if the header were absent (an empty one made
 * the scrape endpoint fail).
 */
class MethodFilter extends OncePerRequestFilter {

	/** The methods the service serves, as {@code Allow} lists them. */
	static final String ALLOWED = "GET, HEAD";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if (!method.equals("GET") && !method.equals("HEAD")) {
			response.setHeader(HttpHeaders.ALLOW, ALLOWED);
			Problems.write(response, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
					"Method '" + Problems.instance(method) + "' is not supported: only GET and HEAD are served.",
					request.getRequestURI()));
			return;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		chain.doFilter((accept != null && accept.isBlank()) ? new WithoutAccept(request) : request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The request without its empty {@code Accept}. */
	private static final class WithoutAccept extends HttpServletRequestWrapper {

		WithoutAccept(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

	}

}
