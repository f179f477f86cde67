package io.netstatd.web;

import io.netstatd.limits.DeadlineExceededException;
import io.netstatd.limits.ExpensiveRequests;
import io.netstatd.masquerade.NoConntrackException;
import io.netstatd.netns.UnknownProcessException;
import io.netstatd.procfs.ProcfsUnavailableException;
import io.netstatd.query.InvalidParameterException;
import io.netstatd.streams.TooManyStreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}): Spring MVC's own
 * (404, 405, 406, ...) through {@link ResponseEntityExceptionHandler}, and the domain's
 * here, each mapped to its status. No stack trace, class name or path leaves the service
 * but the procfs file that failed.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		return badParameter(ex.getMessage(), ex.parameter(), ex.allowed());
	}

	@ExceptionHandler
	ProblemDetail unknownProcess(UnknownProcessException ex) {
		return badParameter(ex.getMessage(), "netns",
				"a process id (the network namespace that process lives in), or all");
	}

	@ExceptionHandler
	ProblemDetail procfsUnavailable(ProcfsUnavailableException ex) {
		log.warn("{}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("procfs unavailable");
		problem.setProperty("file", ex.file().toString());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooBusy(ExpensiveRequests.TooBusyException ex) {
		return retryLater("Too busy", ex.getMessage(), "1");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> deadlineExceeded(DeadlineExceededException ex) {
		log.warn("{}", ex.getMessage());
		return retryLater("Deadline exceeded", ex.getMessage(), "1");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException ex) {
		return retryLater("Too many streams", ex.getMessage(), "10");
	}

	@ExceptionHandler
	ProblemDetail noConntrack(NoConntrackException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not available on this host");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Spring says "No static resource x", which is not what a caller of an API looked
		// for
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"No endpoint " + ex.getHttpMethod() + " /" + InvalidParameterException.echo(ex.getResourcePath())
						+ "; the endpoints are listed at /swagger-ui.html.");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setDetail("An unexpected error occurred; the service log has the details.");
		return problem;
	}

	private static ProblemDetail badParameter(String detail, String parameter, String allowed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", parameter);
		problem.setProperty("allowed", allowed);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> retryLater(String title, String detail, String seconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, seconds)
			.body(problem);
	}

}
