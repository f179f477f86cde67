package io.netstatd.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, for what it refuses before any servlet sees the request (a
 * character it does not take in the query, a path it will not map): a problem in
 * {@code application/problem+json} instead of its HTML page, no stack trace, nothing of
 * the request repeated.
 */
public class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			OutputStream out = response.getOutputStream();
			out.write(Problems.json(Problems.of((known != null) ? known : HttpStatus.BAD_REQUEST, reason,
					"The server refused the request: " + reason + ".", null)));
			if (known == null) {
				// a status Spring does not name: say it as sent
				response.setStatus(status);
			}
			out.flush();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone, or the response was taken meanwhile
		}
	}

}
