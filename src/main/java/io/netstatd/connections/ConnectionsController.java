package io.netstatd.connections;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.netstatd.process.ProcessScan;
import io.netstatd.process.ProcessScanner;
import io.netstatd.process.UserNames;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.Skipped;
import io.netstatd.socket.SocketFilter;
import io.netstatd.socket.SocketService;
import io.netstatd.socket.SocketState;
import io.netstatd.socket.SocketTable;
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
 * The socket lists: {@code netstat -antu} and {@code netstat -tuln}.
 */
@RestController
@Tag(name = "sockets")
@ProblemResponses
class ConnectionsController {

	private static final Set<Protocol> PROTOCOLS = EnumSet.allOf(Protocol.class);

	private static final Set<SocketState> STATES = EnumSet.allOf(SocketState.class);

	private final SocketService sockets;

	private final ProcessScanner processes;

	private final UserNames users;

	ConnectionsController(SocketService sockets, ProcessScanner processes, UserNames users) {
		this.sockets = sockets;
		this.processes = processes;
		this.users = users;
	}

	@GetMapping(path = "/connections", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every TCP and UDP socket, IPv4 and IPv6 (netstat -antu)")
	@ApiResponse(responseCode = "200", description = "the sockets",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocketList.class)))
	SocketList connections(
			@Parameter(
					description = "tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6; comma-separated for several; "
							+ "tcp, tcp6, udp and udp6 when absent",
					schema = @Schema(type = "string", example = "tcp,tcp6")) @RequestParam(name = "protocol",
							required = false) String protocol,
			@Parameter(description = "inet (IPv4, netstat -4) or inet6 (IPv6, netstat -6)",
					schema = @Schema(type = "string", allowableValues = { "inet", "inet6" })) @RequestParam(
							name = "family", required = false) String family,
			@Parameter(
					description = "netstat state names, case-insensitive, comma-separated for several; "
							+ "UNCONN is a UDP socket with no peer",
					schema = @Schema(type = "string", example = "ESTABLISHED")) @RequestParam(name = "state",
							required = false) String state,
			@Parameter(description = "a port on either side",
					schema = @Schema(type = "integer", minimum = "0", maximum = "65535")) @RequestParam(name = "port",
							required = false) String port,
			@Parameter(description = "the local port",
					schema = @Schema(type = "integer", minimum = "0", maximum = "65535")) @RequestParam(
							name = "localPort", required = false) String localPort,
			@Parameter(description = "the remote port",
					schema = @Schema(type = "integer", minimum = "0", maximum = "65535")) @RequestParam(
							name = "remotePort", required = false) String remotePort,
			@Parameter(description = "add the processes holding each socket (netstat -p); walks every process",
					schema = @Schema(type = "boolean", defaultValue = "false")) @RequestParam(name = "processes",
							required = false) String processes) {
		SocketFilter filter = new SocketFilter(protocols(protocol, family),
				QueryParameters.list("state", state, SocketState::fromName, STATES), QueryParameters.port("port", port),
				QueryParameters.port("localPort", localPort), QueryParameters.port("remotePort", remotePort), false);
		return list(filter, QueryParameters.bool("processes", processes, false));
	}

	@GetMapping(path = "/listening", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "TCP listeners and UDP sockets with no peer (netstat -tuln)")
	@ApiResponse(responseCode = "200", description = "the listening sockets",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocketList.class)))
	SocketList listening(
			@Parameter(
					description = "tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6; comma-separated for several; "
							+ "tcp, tcp6, udp and udp6 when absent",
					schema = @Schema(type = "string", example = "tcp")) @RequestParam(name = "protocol",
							required = false) String protocol,
			@Parameter(description = "inet (IPv4, netstat -4) or inet6 (IPv6, netstat -6)",
					schema = @Schema(type = "string", allowableValues = { "inet", "inet6" })) @RequestParam(
							name = "family", required = false) String family,
			@Parameter(description = "the local port",
					schema = @Schema(type = "integer", minimum = "0", maximum = "65535")) @RequestParam(name = "port",
							required = false) String port,
			@Parameter(description = "add the processes holding each socket (netstat -p); walks every process",
					schema = @Schema(type = "boolean", defaultValue = "false")) @RequestParam(name = "processes",
							required = false) String processes) {
		SocketFilter filter = new SocketFilter(protocols(protocol, family), Set.of(), null,
				QueryParameters.port("port", port), null, true);
		return list(filter, QueryParameters.bool("processes", processes, false));
	}

	private SocketList list(SocketFilter filter, boolean withProcesses) {
		// owners are walked only when asked, once per request, while the sockets are read
		CompletableFuture<ProcessScan> owners = withProcesses ? CompletableFuture.supplyAsync(this.processes::scan)
				: CompletableFuture.completedFuture(null);
		SocketTable table = this.sockets.sockets(filter);
		ProcessScan scan = owners.join();
		List<SocketRow> rows = new ArrayList<>(table.sockets().size());
		for (InetSocket socket : table.sockets()) {
			rows.add(new SocketRow(socket, this.users.name(socket.uid()),
					(scan != null) ? scan.owners(socket.inode()) : null));
		}
		return new SocketList(rows.size(), rows, Skipped.of(table.skipped()), scan);
	}

	/**
	 * The tables asked for (netstat's -antu ones by default), narrowed to one family (-4,
	 * -6).
	 */
	private static Set<Protocol> protocols(String protocol, String family) {
		Set<Protocol> protocols = EnumSet.copyOf(Protocol.TCP_AND_UDP);
		Set<Protocol> asked = QueryParameters.list("protocol", protocol, Protocol::fromLabel, PROTOCOLS);
		if (!asked.isEmpty()) {
			protocols = EnumSet.copyOf(asked);
		}
		String wanted = QueryParameters.oneOf("family", family, List.of("inet", "inet6"));
		if (wanted != null) {
			protocols.removeIf((p) -> p.ipv6() != wanted.equals("inet6"));
		}
		return protocols;
	}

}
