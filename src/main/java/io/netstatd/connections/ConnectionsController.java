package io.netstatd.connections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.netstatd.limits.Deadline;
import io.netstatd.limits.LimitsProperties;
import io.netstatd.names.HostNameResolver;
import io.netstatd.netns.NamespacedSockets;
import io.netstatd.netns.Netns;
import io.netstatd.netns.NetworkNamespaces;
import io.netstatd.names.HostNames;
import io.netstatd.names.Resolution;
import io.netstatd.names.ServiceNames;
import io.netstatd.names.SocketNames;
import io.netstatd.process.ProcessScan;
import io.netstatd.process.ProcessScanner;
import io.netstatd.process.UserNames;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.IpAddress;
import io.netstatd.socket.Skipped;
import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.SocketFilter;
import io.netstatd.socket.SocketService;
import io.netstatd.socket.SocketTable;
import io.netstatd.socket.UnixSocket;
import io.netstatd.socket.UnixTable;
import io.netstatd.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The socket lists: {@code netstat -antu} and {@code netstat -tuln}, with ss's selection.
 */
@RestController
@Tag(name = "sockets")
@ProblemResponses
class ConnectionsController {

	private final SocketService sockets;

	private final ProcessScanner processes;

	private final UserNames users;

	private final HostNameResolver hosts;

	private final ServiceNames services;

	private final LimitsProperties limits;

	private final NetworkNamespaces namespaces;

	private final NamespacedSockets namespacedSockets;

	ConnectionsController(SocketService sockets, ProcessScanner processes, UserNames users, HostNameResolver hosts,
			ServiceNames services, LimitsProperties limits, NetworkNamespaces namespaces,
			NamespacedSockets namespacedSockets) {
		this.limits = limits;
		this.namespaces = namespaces;
		this.namespacedSockets = namespacedSockets;
		this.sockets = sockets;
		this.processes = processes;
		this.users = users;
		this.hosts = hosts;
		this.services = services;
	}

	@GetMapping(path = "/connections",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, "text/csv" })
	@Operation(summary = "Every TCP and UDP socket, IPv4 and IPv6 (netstat -antu), with ss's selection")
	@ApiResponse(responseCode = "200", description = "the sockets",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = SocketList.class)),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	SocketList connections(@ParameterObject SocketQuery query) {
		return list(query, query.filter(false), query.withProcesses(false));
	}

	@GetMapping(path = "/listening",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, "text/csv" })
	@Operation(summary = "TCP listeners and sockets with no peer (netstat -tulnp), with their processes unless "
			+ "processes=false")
	@ApiResponse(responseCode = "200", description = "the listening sockets",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = SocketList.class)),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	SocketList listening(@ParameterObject SocketQuery query) {
		// ss -tlnp is what people want from a listener list: owners by default
		return list(query, query.filter(true), query.withProcesses(true));
	}

	private SocketList list(SocketQuery query, SocketFilter filter, boolean withProcesses) {
		Deadline deadline = this.limits.deadline();
		Comparator<InetSocket> order = query.order();
		Integer limit = query.maxRows();
		// owners are walked only when asked, once per request, while the sockets are read
		CompletableFuture<ProcessScan> owners = withProcesses
				? CompletableFuture.supplyAsync(() -> this.processes.scan(deadline))
				: CompletableFuture.completedFuture(null);
		query.requireOwnNamespaceForUnix();
		Netns netns = this.namespaces.parse(query.netns());
		List<NamespacedSockets.Namespaced> parts = this.namespacedSockets.read(filter, netns);
		SocketTable table = NamespacedSockets.join(parts);
		Map<InetSocket, Long> namespaceOf = netns.all() ? namespaceOf(parts) : Map.of();
		UnixTable unix = query.unix() ? this.sockets.unixSockets() : null;
		List<UnixSocket> unixSockets = (unix != null)
				? unix.sockets().stream().filter((socket) -> !filter.listeningOnly() || socket.listening()).toList()
				: null;
		deadline.check("reading the sockets");
		List<SkippedLine> skipped = new ArrayList<>(table.skipped());
		if (unix != null) {
			skipped.addAll(unix.skipped());
		}
		ProcessScan scan = owners(owners);
		List<InetSocket> matching = table.sockets();
		Set<Integer> pids = query.pids();
		Set<String> programs = query.programs();
		if (!pids.isEmpty() || !programs.isEmpty()) {
			matching = matching.stream()
				.filter((socket) -> scan.owners(socket.inode())
					.stream()
					.anyMatch((p) -> (pids.isEmpty() || pids.contains(p.pid()))
							&& (programs.isEmpty() || programs.contains(p.name()))))
				.toList();
		}
		if (order != null) {
			matching = matching.stream().sorted(order).toList();
		}
		List<InetSocket> listed = (limit != null && limit < matching.size()) ? matching.subList(0, limit) : matching;
		Map<Long, String> userNames = this.users.names();
		HostNames hostNames = query.withNames() ? this.hosts.resolve(addresses(listed), deadline) : null;
		ServiceNames.Table serviceNames = (hostNames != null) ? this.services.current() : null;
		List<SocketRow> rows = new ArrayList<>(listed.size());
		for (InetSocket socket : listed) {
			rows.add(new SocketRow(socket, userNames.get(socket.uid()), names(socket, hostNames, serviceNames),
					(scan != null) ? scan.owners(socket.inode()) : null, namespaceOf.get(socket)));
		}
		int unixCount = (unixSockets != null) ? unixSockets.size() : 0;
		Resolution resolution = (hostNames != null)
				? new Resolution(hostNames.unresolved() == 0, hostNames.unresolved()) : null;
		return new SocketList(matching.size() + unixCount, rows.size() + unixCount, rows, unixSockets,
				Skipped.of(skipped), resolution, scan);
	}

	/** Each socket's namespace; by identity, as two namespaces can hold equal rows. */
	private static Map<InetSocket, Long> namespaceOf(List<NamespacedSockets.Namespaced> parts) {
		Map<InetSocket, Long> namespaces = new java.util.IdentityHashMap<>();
		for (NamespacedSockets.Namespaced part : parts) {
			part.table().sockets().forEach((socket) -> namespaces.put(socket, part.netns()));
		}
		return namespaces;
	}

	/** The owner walk's answer; its own deadline bounds the wait. */
	private static ProcessScan owners(CompletableFuture<ProcessScan> owners) {
		try {
			return owners.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static List<IpAddress> addresses(List<InetSocket> sockets) {
		List<IpAddress> addresses = new ArrayList<>(sockets.size() * 2);
		for (InetSocket socket : sockets) {
			addresses.add(socket.localAddress());
			addresses.add(socket.remoteAddress());
		}
		return addresses;
	}

	private static SocketNames names(InetSocket socket, HostNames hostNames, ServiceNames.Table services) {
		if (hostNames == null) {
			return null;
		}
		return new SocketNames(hostNames.name(socket.localAddress()),
				services.name(socket.localPort(), socket.protocol()), hostNames.name(socket.remoteAddress()),
				services.name(socket.remotePort(), socket.protocol()));
	}

}
