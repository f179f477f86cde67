package io.netstatd.live.top;

import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The busiest connections now: what bcc's tcptop and Inspektor Gadget's top tcp show,
 * from two sock_diag dumps.
 */
@RestController
@Tag(name = "sockets")
class TopController {

	private final ConnectionRates rates;

	private final ExpensiveRequests expensive;

	TopController(ConnectionRates rates, ExpensiveRequests expensive) {
		this.rates = rates;
		this.expensive = expensive;
	}

	@GetMapping("/top/connections")
	@Operation(summary = "The TCP connections moving the most now (tcptop, without eBPF)",
			description = "Two looks at the connections interval apart, matched by the kernel's socket cookie: each "
					+ "connection's bytes sent and received, retransmits and segments per second, with its tcpInfo; "
					+ "those that opened or closed in between are marked. A connection the kernel destroyed in between "
					+ "counts with its final counters from the destroy notice (what it moved since the first look, or "
					+ "since it opened), so a transfer that opened and closed between the looks is listed, as tcptop "
					+ "lists it. Answers after interval.")
	@ApiResponse(responseCode = "200", description = "the answer")
	@ApiResponse(responseCode = "501",
			description = "the sockets are read from procfs here (another root, or netstatd.sockets.source=procfs), "
					+ "which has no tcp_info")
	BusyConnections topConnections(@ParameterObject TopQuery query, Deadline deadline) throws InterruptedException {
		// two dumps of every connection, with tcp_info: the price of a full list, twice
		try (ExpensiveRequests.Place place = this.expensive.enter(true, deadline)) {
			return this.rates.measure(query, deadline);
		}
	}

}
