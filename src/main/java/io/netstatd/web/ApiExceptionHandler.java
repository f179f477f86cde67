package io.netstatd.web;

import io.netstatd.capture.CaptureBusyException;
import io.netstatd.capture.CaptureDisabledException;
import io.netstatd.capture.CaptureFailedException;
import io.netstatd.capture.CaptureNotPermittedException;
import io.netstatd.limits.DeadlineExceededException;
import io.netstatd.limits.ExpensiveRequests;
import io.netstatd.masquerade.NoConntrackException;
import io.netstatd.netns.UnknownProcessException;
import io.netstatd.procfs.ProcfsTooLargeException;
import io.netstatd.procfs.ProcfsUnavailableException;
import io.netstatd.query.InvalidParameterException;
import io.netstatd.socket.NoSockDiagException;
import io.netstatd.streams.TooManyStreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
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
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException ex) {
		return retryLater("Too many streams", ex.getMessage(), "10");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noSockDiag(NoSockDiagException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, ex.getMessage());
		problem.setTitle("Not available here");
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> captureDisabled(CaptureDisabledException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Capture is off");
		problem.setProperty("property", "netstatd.capture.enabled");
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> captureBusy(CaptureBusyException ex) {
		return retryLater("Capture running", ex.getMessage(), Long.toString(ex.retryAfterSeconds()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> captureNotPermitted(CaptureNotPermittedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Not permitted to capture");
		problem.setProperty("capability", "CAP_NET_RAW");
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> captureFailed(CaptureFailedException ex) {
		log.warn("{}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Capture failed");
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noConntrack(NoConntrackException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not available on this host");
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
