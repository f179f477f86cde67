package io.netstatd.live.capture;

import io.netstatd.support.limits.Deadline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The third recipe for attack sources: packets to a port counted by source, which still
 * answers when the socket table is empty (SYN cookies, UDP floods, scans of closed
 * ports).
 */
@RestController
@Tag(name = "capture")
class CaptureController {

	private final PacketCapture capture;

	CaptureController(PacketCapture capture) {
		this.capture = capture;
	}

	@GetMapping("/capture/top-sources")
	@Operation(summary = "Top packet sources on a port (tcpdump dst port N -c 1000 | ... | uniq -c)",
			description = "Captures, with a BPF program the kernel runs, the IPv4 and IPv6 TCP and UDP packets to the "
					+ "port until packets or seconds is reached, and counts them by source address. Off unless "
					+ "netstatd.capture.enabled=true; needs CAP_NET_RAW; one capture at a time. Reads only addresses, "
					+ "ports, flags and lengths; keeps nothing after the answer.")
	@ApiResponse(responseCode = "200", description = "the answer")
	@ApiResponse(responseCode = "404", description = "capture is off: netstatd.capture.enabled is not true")
	@ApiResponse(responseCode = "503",
			description = "another capture is running (Retry-After), or the service lacks CAP_NET_RAW")
	TopSources topSources(@ParameterObject TopSourcesQuery query, Deadline deadline) {
		return this.capture.capture(query.capture(), deadline);
	}

}
