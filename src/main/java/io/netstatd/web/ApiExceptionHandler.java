package io.netstatd.web;

import io.netstatd.socket.procfs.ProcfsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setDetail("An unexpected error occurred; the service log has the details.");
		return problem;
	}

}
