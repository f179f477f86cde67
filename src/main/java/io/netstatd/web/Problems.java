package io.netstatd.web;

import java.io.IOException;
import java.net.URI;

import io.netstatd.support.query.InvalidParameterException;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes a problem where Spring MVC's handlers do not reach: a filter, the security
 * chain, the container's own error page. Always {@code application/problem+json},
 * whatever the request's {@code Accept} says, so that no error is an empty body.
 */
public final class Problems {

	/**
	 * With Spring's own mix-in for problems, as its message converters have it: no member
	 * that says nothing ({@code "type": null}), extra properties as members. A plain
	 * mapper wrote 401 and 405 bodies unlike every other problem.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private static final int MAX_INSTANCE = 256;

	private Problems() {
	}

	/**
	 * A problem.
	 * @param status its status
	 * @param title its title
	 * @param detail what went wrong, for a person
	 * @param path the path asked for, or null
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String title, String detail, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (path != null) {
			problem.setInstance(URI.create(instance(path)));
		}
		return problem;
	}

	/**
	 * A path as a problem repeats it: escaped, cut, and a valid URI.
	 * @param path the path asked for
	 * @return what {@code instance} says
	 */
	public static String instance(String path) {
		String escaped = InvalidParameterException.echo(path).replaceAll("[^A-Za-z0-9/._~!$&'()*+,;=:@%\\-]", "_");
		return (escaped.length() > MAX_INSTANCE) ? escaped.substring(0, MAX_INSTANCE) : escaped;
	}

	/**
	 * Writes {@code problem} as the whole response.
	 * @param response the response, not yet committed
	 * @param problem the problem
	 * @throws IOException when the client is gone
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json(problem));
	}

	/**
	 * A problem's JSON.
	 * @param problem the problem
	 * @return its bytes, UTF-8
	 */
	public static byte[] json(ProblemDetail problem) {
		return JSON.writeValueAsBytes(problem);
	}

}
