package io.netstatd.views.masquerade;

import io.netstatd.support.query.FormatOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Masqueraded connections: {@code netstat -M}, which today means conntrack.
 */
@RestController
@Tag(name = "host")
class MasqueradeController {

	private final ConntrackRepository conntrack;

	MasqueradeController(ConntrackRepository conntrack) {
		this.conntrack = conntrack;
	}

	@GetMapping("/masquerade")
	@Operation(summary = "Connections NAT rewrote, from conntrack (netstat -M); 404 when the kernel tracks none")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "404", description = "the kernel has no connection tracking")
	MasqueradeList masquerade(@ParameterObject FormatOnly query) {
		return this.conntrack.masqueraded();
	}

}
