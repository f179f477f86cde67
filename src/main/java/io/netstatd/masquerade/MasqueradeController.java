package io.netstatd.masquerade;

import io.netstatd.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Masqueraded connections: {@code netstat -M}, which today means conntrack.
 */
@RestController
@Tag(name = "host")
@ProblemResponses
class MasqueradeController {

	private final ConntrackRepository conntrack;

	MasqueradeController(ConntrackRepository conntrack) {
		this.conntrack = conntrack;
	}

	@GetMapping(path = "/masquerade", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Connections NAT rewrote, from conntrack (netstat -M); 404 when the kernel tracks none")
	@ApiResponse(responseCode = "200", description = "the NAT'd connections",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = MasqueradeList.class)))
	@ApiResponse(responseCode = "404", description = "the kernel has no connection tracking",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = io.netstatd.web.ProblemBody.class)))
	MasqueradeList masquerade() {
		return this.conntrack.masqueraded();
	}

}
