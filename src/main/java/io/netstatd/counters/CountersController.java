package io.netstatd.counters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.netstatd.socket.Skipped;
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
 * The kernel's own counters: {@code netstat -s} and {@code ss -s}.
 */
@RestController
@Tag(name = "stats")
@ProblemResponses
class CountersController {

	private final CountersRepository counters;

	CountersController(CountersRepository counters) {
		this.counters = counters;
	}

	@GetMapping(path = "/stats/protocols", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every protocol counter of the kernel (netstat -s, nstat -az)")
	@ApiResponse(responseCode = "200", description = "the counters by protocol",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ProtocolCounters.class)))
	ProtocolCounters protocols(@Parameter(
			description = "only these groups, comma-separated, as the kernel names them (case does not matter): "
					+ "Ip, Icmp, IcmpMsg, Tcp, Udp, UdpLite, TcpExt, IpExt, MPTcpExt, Ip6, Icmp6, Udp6, UdpLite6, "
					+ "as this kernel has them; all when absent",
			schema = @Schema(type = "string", example = "Tcp,TcpExt")) @RequestParam(name = "protocol",
					required = false) String protocol) {
		Counters all = this.counters.protocols();
		Set<String> wanted = QueryParameters.list("protocol", protocol, (name) -> group(all, name),
				all.groups().keySet());
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>(all.groups());
		if (!wanted.isEmpty()) {
			groups.keySet().retainAll(wanted);
		}
		return new ProtocolCounters(groups, Skipped.of(all.skipped()));
	}

	@GetMapping(path = "/stats/sockets", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Socket totals (ss -s, /proc/net/sockstat): cheap at any socket count, for frequent polling")
	@ApiResponse(responseCode = "200", description = "the totals by protocol",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocketCounters.class)))
	SocketCounters sockets() {
		Counters sockets = this.counters.sockets();
		return new SocketCounters(sockets.groups(), Skipped.of(sockets.skipped()));
	}

	/** The kernel's spelling of a group named in any case, or null. */
	private static String group(Counters counters, String name) {
		return counters.groups().keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
	}

}
