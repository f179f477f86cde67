package io.netstatd.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error body ({@code application/problem+json}, RFC 9457), as the
 * contract documents it; the handlers build it as a {@code ProblemDetail}.
 *
 * @param type always {@code about:blank}: the status says what kind of problem it is
 * @param title the status in words, or a short summary
 * @param status the HTTP status
 * @param detail what went wrong, for a person
 * @param instance the path asked for
 * @param parameter on a 400: the parameter at fault
 * @param allowed on a 400: what that parameter allows
 * @param file on a 503: the procfs file that could not be read
 */
@Schema(name = "Problem", requiredProperties = { "title", "status", "detail" })
public record ProblemBody(String type, String title, int status, String detail, String instance, String parameter,
		String allowed, String file) {

}
