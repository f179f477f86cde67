package io.netstatd.live.sources;

import java.util.Map;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.live.capture.PacketCapture;
import io.netstatd.live.closed.ClosedRecorder;
import io.netstatd.support.limits.Deadline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is hammering a port: connections by remote address now, closes in the window, and
 * what the kernel's counters and queues say, in one answer.
 */
@RestController
@Tag(name = "stats")
class SourcesController {

	private final SocketService sockets;

	private final ClosedRecorder closed;

	private final FloodCounters counters;

	private final PacketCapture capture;

	SourcesController(SocketService sockets, ClosedRecorder closed, FloodCounters counters, PacketCapture capture) {
		this.sockets = sockets;
		this.closed = closed;
		this.counters = counters;
		this.capture = capture;
	}

	@GetMapping("/stats/sources")
	@Operation(summary = "Who is hammering a port: the remote addresses ranked, and the kernel's flood signals",
			description = "The netstat page's recipes in one answer: per remote address the connections it holds "
					+ "now (by state, SYN_RECV included) and those it closed in the window, ranked by their sum; "
					+ "and the signals: accept-queue-full (a listener at its backlog), listen-overflows "
					+ "(ListenOverflows or ListenDrops grew), syn-flood (SYN cookies sent, or 100 half-open), "
					+ "connection-flood (one source with half the connections or closes).")
	Sources sources(@ParameterObject SourcesQuery query, Deadline deadline) {
		// the capture first: the sockets and closes are then read as it ends
		PacketCapture.PacketsBySource captured = (query.capture() != null)
				? this.capture.packetsTo(query.onePort(), query.capture(), deadline) : null;
		SocketSelection selection = SocketSelection.of(Tables.TCP).withPorts(null, query.port(), null);
		SourceTally tally = this.sockets.count(selection, NamespaceChoice.OWN, query, SourceTally::new);
		ClosedRecorder.ByRemote closes = this.closed.recording()
				? this.closed.byRemote(System.nanoTime() - query.window().toNanos(), query::asks)
				: new ClosedRecorder.ByRemote(Map.of(), false);
		return Assessment.of(query, tally, closes, this.counters.over(query.window()), captured);
	}

}
