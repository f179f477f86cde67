package io.netstatd.views.multicast;

import io.netstatd.support.query.FormatOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Multicast group memberships: {@code netstat -gn}.
 */
@RestController
@Tag(name = "host")
class MulticastController {

	private final MulticastRepository multicast;

	MulticastController(MulticastRepository multicast) {
		this.multicast = multicast;
	}

	@GetMapping("/multicast")
	@Operation(summary = "The multicast groups each interface has joined, IPv4 and IPv6 (netstat -gn)")
	MembershipList multicast(@ParameterObject FormatOnly query) {
		return this.multicast.memberships();
	}

}
