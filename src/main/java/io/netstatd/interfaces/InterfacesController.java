package io.netstatd.interfaces;

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
 * The interface table: {@code netstat -ia}.
 */
@RestController
@Tag(name = "host")
@ProblemResponses
class InterfacesController {

	private final InterfacesRepository interfaces;

	InterfacesController(InterfacesRepository interfaces) {
		this.interfaces = interfaces;
	}

	@GetMapping(path = "/interfaces", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every network interface with its counters (netstat -ia; up tells the ones netstat -i lists)")
	@ApiResponse(responseCode = "200", description = "the interfaces",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = InterfaceList.class)))
	InterfaceList interfaces() {
		return this.interfaces.interfaces();
	}

}
