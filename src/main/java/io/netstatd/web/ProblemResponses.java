package io.netstatd.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Documents the problem responses every API endpoint can give: 400 for a bad parameter,
 * 503 when procfs cannot be read.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400",
		description = "a parameter is invalid or unknown; detail names it and what it allows",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemBody.class)))
@ApiResponse(responseCode = "503",
		description = "procfs cannot be read (detail names the file), or too many socket or process walks are "
				+ "under way (Retry-After says when to try again)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemBody.class)))
public @interface ProblemResponses {

}
