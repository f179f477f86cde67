package io.netstatd.netns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Protocol;
import io.netstatd.socket.Skipped;
import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.SocketFilter;
import io.netstatd.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network namespaces: what {@code netns} can choose from.
 */
@RestController
@Tag(name = "host")
@ProblemResponses
class NamespacesController {

	private static final int LISTED_PIDS = 100;

	private final NetworkNamespaces namespaces;

	private final NamespacedSockets sockets;

	NamespacesController(NetworkNamespaces namespaces, NamespacedSockets sockets) {
		this.namespaces = namespaces;
		this.sockets = sockets;
	}

	@GetMapping(path = "/namespaces", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The network namespaces (lsns -t net): inode, processes, and their TCP and UDP sockets")
	@ApiResponse(responseCode = "200", description = "the namespaces",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = NamespaceList.class)))
	NamespaceList namespaces() {
		NetworkNamespaces.Scan scan = this.namespaces.scan();
		long own = this.namespaces.own();
		SocketFilter all = new SocketFilter(Protocol.TCP_AND_UDP, Set.of(), null, null, null, null, null, false);
		List<NamespaceList.Namespace> namespaces = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		for (NamespacedSockets.Namespaced part : this.sockets.readAll(all, scan)) {
			Map<String, Long> byProtocol = new LinkedHashMap<>();
			Protocol.TCP_AND_UDP.forEach((protocol) -> byProtocol.put(protocol.label(), 0L));
			for (InetSocket socket : part.table().sockets()) {
				byProtocol.merge(socket.protocol().label(), 1L, Long::sum);
			}
			skipped.addAll(part.table().skipped());
			List<Integer> pids = (part.netns() != null) ? scan.pids().getOrDefault(part.netns(), List.of()) : List.of();
			namespaces.add(new NamespaceList.Namespace((part.netns() != null) ? part.netns() : own,
					part.netns() != null && part.netns() == own, pids.size(),
					pids.subList(0, Math.min(LISTED_PIDS, pids.size())), byProtocol));
		}
		return new NamespaceList(namespaces, scan.unreadable(), Skipped.of(skipped));
	}

}
