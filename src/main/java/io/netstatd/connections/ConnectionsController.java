package io.netstatd.connections;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.netstatd.process.ProcessScan;
import io.netstatd.process.ProcessScanner;
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

	private static final Set<Protocol> INET = EnumSet.allOf(Protocol.class);

	private static final Set<SocketState> STATES = EnumSet.allOf(SocketState.class);

	private final SocketService sockets;

	private final ProcessScanner processes;

	ConnectionsController(SocketService sockets, ProcessScanner processes) {
		this.sockets = sockets;
		this.processes = processes;
	}

	@GetMapping(path = "/connections", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every TCP and UDP socket, IPv4 and IPv6 (netstat -antu)")
	@ApiResponse(responseCode = "200", description = "the sockets",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocketList.class)))
	SocketList connections(
			@Parameter(description = "tcp, tcp6, udp, udp6; comma-separated for several",
					schema = @Schema(type = "string", example = "tcp,tcp6")) @RequestParam(name = "protocol",
							required = false) String protocol,
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
		SocketFilter filter = new SocketFilter(protocols(protocol),
				QueryParameters.list("state", state, SocketState::fromName, STATES), QueryParameters.port("port", port),
				QueryParameters.port("localPort", localPort), QueryParameters.port("remotePort", remotePort), false);
		return list(filter, QueryParameters.bool("processes", processes, false));
	}

	@GetMapping(path = "/listening", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "TCP listeners and UDP sockets with no peer (netstat -tuln)")
	@ApiResponse(responseCode = "200", description = "the listening sockets",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = SocketList.class)))
	SocketList listening(
			@Parameter(description = "tcp, tcp6, udp, udp6; comma-separated for several",
					schema = @Schema(type = "string", example = "tcp")) @RequestParam(name = "protocol",
							required = false) String protocol,
			@Parameter(description = "the local port",
					schema = @Schema(type = "integer", minimum = "0", maximum = "65535")) @RequestParam(name = "port",
							required = false) String port,
			@Parameter(description = "add the processes holding each socket (netstat -p); walks every process",
					schema = @Schema(type = "boolean", defaultValue = "false")) @RequestParam(name = "processes",
							required = false) String processes) {
		SocketFilter filter = new SocketFilter(protocols(protocol), Set.of(), null, QueryParameters.port("port", port),
				null, true);
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
			rows.add(new SocketRow(socket, (scan != null) ? scan.owners(socket.inode()) : null));
		}
		return new SocketList(rows.size(), rows, Skipped.of(table.skipped()), scan);
	}

	private static Set<Protocol> protocols(String protocol) {
		Set<Protocol> protocols = QueryParameters.list("protocol", protocol, Protocol::fromLabel, INET);
		return protocols.isEmpty() ? INET : protocols;
	}

}
