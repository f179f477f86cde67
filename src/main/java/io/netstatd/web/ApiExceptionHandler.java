package io.netstatd.web;

import io.netstatd.limits.DeadlineExceededException;
import io.netstatd.socket.procfs.ProcfsUnavailableException;
import io.netstatd.streams.TooManyStreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}): Spring MVC's own
 * (404, 405, 406, ...) through {@link ResponseEntityExceptionHandler}, and ours here. No
 * stack trace, class name or path leaves the service but the procfs file that failed.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", ex.parameter());
		problem.setProperty("allowed", ex.allowed());
		return problem;
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Too busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> deadlineExceeded(DeadlineExceededException ex) {
		log.warn("{}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Deadline exceeded");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler
	ProblemDetail notAvailable(NotAvailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not available on this host");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Too many streams");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(problem);
	}

	/** Tomcat's own: a query string that is not valid percent-encoded UTF-8. */
	@ExceptionHandler
	ProblemDetail undecodableQuery(org.apache.tomcat.util.http.InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The query string is not valid percent-encoded UTF-8.");
		problem.setTitle("Invalid parameter");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Spring says "No static resource x", which is not what a caller of an API looked
		// for
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "No endpoint " + ex.getHttpMethod() + " /"
				+ ex.getResourcePath() + "; the endpoints are listed at /swagger-ui.html.");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * {@code ?format=xml} is a wrong parameter (400), not a wrong Accept header (406).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String format = request.getParameter(FormatParameter.NAME);
		if (FormatParameter.isUnknown(format)) {
			String allowed = String.join(", ", FormatParameter.NAMES);
			InvalidParameterException invalid = new InvalidParameterException(FormatParameter.NAME,
					"Invalid value '" + format + "' for parameter 'format': expected one of " + allowed + ".", allowed);
			return ResponseEntity.badRequest().body(invalidParameter(invalid));
		}
		return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setDetail("An unexpected error occurred; the service log has the details.");
		return problem;
	}

}
