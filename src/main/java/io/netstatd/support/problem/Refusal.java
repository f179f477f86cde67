package io.netstatd.support.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal a feature answers with: the RFC 9457 problem it becomes is built here, where
 * the feature knows its status, title and properties, and Spring MVC's own handling of
 * {@link ErrorResponseException} writes it. No stack trace: a refusal is an answer, not a
 * fault.
 */
public class Refusal extends ErrorResponseException {

	/**
	 * A refusal with its status, title and detail.
	 * @param status the answer's status
	 * @param title the problem's title
	 * @param detail what happened and what to do, for a person
	 */
	protected Refusal(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
		setStackTrace(new StackTraceElement[0]);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Asks the client to try again after a while ({@code Retry-After}).
	 * @param seconds when to try again
	 */
	protected final void retryAfter(long seconds) {
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	/**
	 * Names what the client may change, as a property of the problem.
	 * @param name the property's name
	 * @param value its value
	 */
	protected final void property(String name, Object value) {
		getBody().setProperty(name, value);
	}

	/** The detail alone, as the log and the tests read it. */
	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
