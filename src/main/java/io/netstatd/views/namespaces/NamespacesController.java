package io.netstatd.views.namespaces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.containers.Containers;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network namespaces: what {@code netns} can choose from.
 */
@RestController
@Tag(name = "host")
class NamespacesController {

	private static final int LISTED_PIDS = 100;

	private final NamespaceScanner namespaces;

	private final SocketService sockets;

	private final Containers containers;

	private final ExpensiveRequests expensive;

	NamespacesController(NamespaceScanner namespaces, SocketService sockets, Containers containers,
			ExpensiveRequests expensive) {
		this.namespaces = namespaces;
		this.sockets = sockets;
		this.containers = containers;
		this.expensive = expensive;
	}

	@GetMapping("/namespaces")
	@Operation(summary = "The network namespaces (lsns -t net): inode, processes, and their TCP and UDP sockets",
			description = "Walks every process's /proc/<pid>/ns/net and reads each namespace's tables once: bounded "
					+ "like the other expensive requests.")
	NamespaceList namespaces(@ParameterObject Walk walk, Deadline deadline) {
		// it walks every process and reads every namespace
		try (ExpensiveRequests.Place place = this.expensive.enter(true, deadline)) {
			return walk();
		}
	}

	private NamespaceList walk() {
		NamespaceScanner.Scan scan = this.namespaces.scan();
		long own = this.namespaces.own();
		Parsed<InetSocket> all = this.sockets.all(SocketSelection.of(Protocol.TCP_AND_UDP), scan);
		Map<Long, Map<String, Long>> counts = new LinkedHashMap<>();
		for (InetSocket socket : all.rows()) {
			counts.computeIfAbsent(socket.netns(), (netns) -> zeros()).merge(socket.protocol().label(), 1L, Long::sum);
		}
		List<NamespaceList.Namespace> namespaces = new ArrayList<>();
		if (!scan.pids().containsKey(own)) {
			// a procfs root without this process in it (a captured tree): its own tables
			namespaces.add(namespace(own, true, List.of(), counts.getOrDefault(Math.max(own, 0), zeros()), List.of()));
		}
		scan.pids()
			.forEach((inode, pids) -> namespaces
				.add(namespace(inode, inode == own, pids, counts.getOrDefault(inode, zeros()), pods(pids))));
		return new NamespaceList(namespaces, scan.unreadable(), all.skipped());
	}

	private static NamespaceList.Namespace namespace(long inode, boolean own, List<Integer> pids,
			Map<String, Long> sockets, List<String> pods) {
		return new NamespaceList.Namespace(inode, own, pids.size(), pids.subList(0, Math.min(LISTED_PIDS, pids.size())),
				sockets, pods);
	}

	/**
	 * The pods (namespace/name) whose processes are in a namespace: a pod's share one.
	 */
	private List<String> pods(List<Integer> pids) {
		java.util.TreeSet<String> pods = new java.util.TreeSet<>();
		for (int pid : pids) {
			Container container = this.containers.ofProcess(pid);
			if (container != null && container.pod() != null) {
				pods.add(container.pod());
			}
		}
		return List.copyOf(pods);
	}

	private static Map<String, Long> zeros() {
		Map<String, Long> counts = new LinkedHashMap<>();
		Protocol.TCP_AND_UDP.forEach((protocol) -> counts.put(protocol.label(), 0L));
		return counts;
	}

	/**
	 * What {@code /namespaces} asks, bound from its query string: the representation
	 * alone.
	 *
	 * @param format json (the default), table (the text the replaced command prints; as
	 * Accept: text/plain) or csv (as Accept: text/csv)
	 */
	record Walk(Format format) implements Formatted {

	}

}
