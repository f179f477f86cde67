package io.netstatd.web;

import io.netstatd.kernel.netns.UnknownProcessException;
import io.netstatd.kernel.procfs.ProcfsTooLargeException;
import io.netstatd.kernel.procfs.ProcfsUnavailableException;
import io.netstatd.kernel.socket.NoSockDiagException;
import io.netstatd.support.limits.DeadlineExceededException;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.query.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as an RFC 9457 problem ({@code application/problem+json}): Spring MVC's own
 * (404, 405, 406, ...) through {@link ResponseEntityExceptionHandler}, and the domain's
 * here: the kernel's and the bound query's mapped to their status, a feature's
 * {@link io.netstatd.support.problem.Refusal} as Spring writes any
 * {@link ErrorResponseException}, so that this class knows no feature. No stack trace,
 * class name or path leaves the service but the procfs file that failed.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		return badParameter(ex.getMessage(), ex.parameter(), ex.allowed());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownProcess(UnknownProcessException ex) {
		return badParameter(ex.getMessage(), "netns",
				"a process id (the network namespace that process lives in), or all");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> procfsUnavailable(ProcfsUnavailableException ex) {
		log.warn("{}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("procfs unavailable");
		problem.setProperty("file", ex.file().toString());
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> procfsTooLarge(ProcfsTooLargeException ex) {
		log.warn("{}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE, ex.getMessage());
		problem.setTitle("Too large to read");
		problem.setProperty("file", ex.file().toString());
		return answer(problem);
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
	ResponseEntity<ProblemDetail> noSockDiag(NoSockDiagException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, ex.getMessage());
		problem.setTitle("Not available here");
		return answer(problem);
	}

	/**
	 * A header the firewall refuses when it is read (a control character in a value): the
	 * client's mistake, a 400 and no stack trace.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> requestRejected(RequestRejectedException ex) {
		log.debug("Request rejected: {}", ex.getMessage());
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "Request rejected",
				"The request is malformed: its path or a header holds what no client of this service sends.", null));
	}

	/**
	 * A feature's refusal: a server-side one that asks for no retry (a capture the kernel
	 * refused) is worth a line in the log; none is worth a stack trace.
	 */
	@Override
	protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError() && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
			log.warn("{}", ex.getMessage());
		}
		return super.handleErrorResponseException(ex, headers, status, request);
	}

	/**
	 * A value Spring could not bind into an endpoint's query record: the 400 names the
	 * parameter, and says what it allows as the parameter's type said when it refused the
	 * value.
	 */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldError error = ex.getBindingResult().getFieldError();
		if (error == null) {
			return super.handleMethodArgumentNotValid(ex, headers, status, request);
		}
		InvalidParameterException invalid = QueryErrors.of(error, ex.getParameter().getParameterType());
		return new ResponseEntity<>(
				badParameter(invalid.getMessage(), invalid.parameter(), invalid.allowed()).getBody(), problemJson(),
				HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Spring says "No static resource x", which is not what a caller of an API looked
		// for
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "No endpoint " + ex.getHttpMethod() + " /"
				+ Problems.instance(ex.getResourcePath()) + "; the endpoints are listed at /swagger-ui.html.");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Every problem Spring MVC answers goes out as {@code application/problem+json}
	 * whatever {@code Accept} asked: a client whose {@code Accept} nothing matches gets a
	 * 406 it can read, not an empty body.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		HttpHeaders problem = new HttpHeaders();
		problem.putAll(headers);
		if (body instanceof ProblemDetail) {
			problem.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return new ResponseEntity<>(body, problem, status);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setDetail("An unexpected error occurred; the service log has the details.");
		return answer(problem);
	}

	private static HttpHeaders problemJson() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return headers;
	}

	private static ResponseEntity<ProblemDetail> badParameter(String detail, String parameter, String allowed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", parameter);
		problem.setProperty("allowed", allowed);
		return answer(problem);
	}

	private static ResponseEntity<ProblemDetail> retryLater(String title, String detail, String seconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, seconds)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
