package io.netstatd.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page, as a problem: what Tomcat itself refuses (a path under
 * {@code /WEB-INF}, a method it will not serve, an error before any handler) reaches the
 * client as {@code application/problem+json} like every other error, not Spring's default
 * JSON. Asked for directly, {@code /error} is a path like any unknown one: a 404.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || status.value() < 400) {
			status = HttpStatus.NOT_FOUND;
			uri = request.getRequestURI();
		}
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			answer.header(HttpHeaders.ALLOW, MethodFilter.ALLOWED);
		}
		return answer.body(Problems.of(status, status.getReasonPhrase(), detail(status, path), path));
	}

	private static String detail(HttpStatus status, String path) {
		return switch (status) {
			case NOT_FOUND ->
				"No endpoint GET " + Problems.instance(path) + "; the endpoints are listed at /swagger-ui.html.";
			case METHOD_NOT_ALLOWED -> "Only GET and HEAD are served.";
			case BAD_REQUEST -> "The request is malformed.";
			default -> status.getReasonPhrase() + ".";
		};
	}

}
