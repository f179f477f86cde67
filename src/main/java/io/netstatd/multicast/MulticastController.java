package io.netstatd.multicast;

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
 * Multicast group memberships: {@code netstat -gn}.
 */
@RestController
@Tag(name = "host")
@ProblemResponses
class MulticastController {

	private final MulticastRepository multicast;

	MulticastController(MulticastRepository multicast) {
		this.multicast = multicast;
	}

	@GetMapping(path = "/multicast", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The multicast groups each interface has joined, IPv4 and IPv6 (netstat -gn)")
	@ApiResponse(responseCode = "200", description = "the memberships",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = MembershipList.class)))
	MembershipList multicast() {
		return this.multicast.memberships();
	}

}
