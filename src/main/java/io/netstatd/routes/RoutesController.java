package io.netstatd.routes;

import java.util.List;

import io.netstatd.web.ProblemResponses;
import io.netstatd.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing tables: {@code netstat -rn} and {@code netstat -6rn}.
 */
@RestController
@Tag(name = "host")
@ProblemResponses
class RoutesController {

	private final RoutesRepository routes;

	RoutesController(RoutesRepository routes) {
		this.routes = routes;
	}

	@GetMapping(path = "/routes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The kernel's IPv4 and IPv6 routes (netstat -rn, netstat -6rn)")
	@ApiResponse(responseCode = "200", description = "the routes",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = RouteList.class)))
	RouteList routes(
			@Parameter(description = "inet (IPv4, netstat -rn -4) or inet6 (IPv6, netstat -rn -6); both when absent",
					schema = @Schema(type = "string", allowableValues = { "inet", "inet6" })) @RequestParam(
							name = "family", required = false) String family) {
		String chosen = QueryParameters.oneOf("family", family, List.of("inet", "inet6"));
		return this.routes.routes(chosen == null || chosen.equals("inet"), chosen == null || chosen.equals("inet6"));
	}

}
