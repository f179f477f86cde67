package io.netstatd.counters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.netstatd.netns.Netns;
import io.netstatd.netns.NetworkNamespaces;
import io.netstatd.socket.Skipped;
import io.netstatd.web.InvalidParameterException;
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

	private static final String NETNS = "the network namespace: a process id (the one that process lives in); "
			+ "the service's own when absent";

	private final CountersRepository counters;

	private final NetworkNamespaces namespaces;

	CountersController(CountersRepository counters, NetworkNamespaces namespaces) {
		this.counters = counters;
		this.namespaces = namespaces;
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
					required = false) String protocol,
			@Parameter(description = NETNS, schema = @Schema(type = "string", example = "1234")) @RequestParam(
					name = "netns", required = false) String netns) {
		Path root = root(netns);
		Counters all = (root != null) ? this.counters.protocols(root) : this.counters.protocols();
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
	SocketCounters sockets(
			@Parameter(description = NETNS, schema = @Schema(type = "string", example = "1234")) @RequestParam(
					name = "netns", required = false) String netns) {
		Path root = root(netns);
		Counters sockets = (root != null) ? this.counters.sockets(root) : this.counters.sockets();
		return new SocketCounters(sockets.groups(), Skipped.of(sockets.skipped()));
	}

	/**
	 * Where the chosen namespace's tables are; null for the service's own. The kernel's
	 * counters are one namespace's each: added up across namespaces some would count
	 * twice what is global (socket memory), so {@code all} is refused.
	 */
	private Path root(String netns) {
		Netns chosen = this.namespaces.parse(netns);
		if (chosen.all()) {
			throw new InvalidParameterException("netns",
					"The kernel's counters are asked one network namespace at a time: netns=all is for socket lists "
							+ "and state counts; /namespaces lists the namespaces and a process in each.",
					"a process id");
		}
		return (chosen.kind() == Netns.Kind.PID) ? this.namespaces.netRoot(chosen.pid()) : null;
	}

	/** The kernel's spelling of a group named in any case, or null. */
	private static String group(Counters counters, String name) {
		return counters.groups().keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
	}

}
