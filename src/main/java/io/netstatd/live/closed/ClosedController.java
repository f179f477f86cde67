package io.netstatd.live.closed;

import io.netstatd.kernel.socket.NoSockDiagException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who connected lately: the connections closed in a window, from the kernel's notices.
 */
@RestController
@Tag(name = "stats")
class ClosedController {

	private final ClosedRecorder recorder;

	ClosedController(ClosedRecorder recorder) {
		this.recorder = recorder;
	}

	@GetMapping("/stats/closed")
	@Operation(summary = "TCP connections closed in the last window, grouped like /stats/top-ips",
			description = "From the kernel's destroy notices, kept since the service started (a ring of "
					+ "netstatd.closed.capacity): by remote address, local port or remote port, with counts, bytes "
					+ "sent and received and retransmits; complete is false when some may be missing.")
	@ApiResponse(responseCode = "200", description = "the answer")
	@ApiResponse(responseCode = "501",
			description = "no destroy notices here (sockets read from procfs), or " + "netstatd.closed.capacity=0")
	ClosedCounts closed(@ParameterObject ClosedQuery query) {
		if (!this.recorder.recording()) {
			throw new NoSockDiagException("/stats/closed needs the kernel's destroy notices, which this service "
					+ "cannot have here (they need sockets read through sock_diag), or keeps none "
					+ "(netstatd.closed.capacity=0).");
		}
		return ClosedCounts.of(query, this.recorder.since(System.nanoTime() - query.window().toNanos()));
	}

}
