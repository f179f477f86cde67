package io.netstatd.netns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.socket.InetSocket;
import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.SocketFilter;
import io.netstatd.socket.SocketService;
import io.netstatd.socket.SocketTable;
import io.netstatd.socket.procfs.ProcfsProperties;
import io.netstatd.socket.procfs.ProcfsSocketRepository;
import io.netstatd.socket.procfs.ProcfsUnavailableException;

import org.springframework.stereotype.Service;

/**
 * The sockets of the namespace a request chose: the service's own through the configured
 * source (netlink where it can), another one through {@code /proc/<pid>/net/}, every one
 * by reading each namespace once, through one of its processes.
 */
@Service
public class NamespacedSockets {

	private final SocketService sockets;

	private final NetworkNamespaces namespaces;

	public NamespacedSockets(SocketService sockets, NetworkNamespaces namespaces) {
		this.sockets = sockets;
		this.namespaces = namespaces;
	}

	/**
	 * One namespace's sockets.
	 *
	 * @param netns the namespace's inode; null for the service's own or one chosen by pid
	 * @param table its sockets
	 */
	public record Namespaced(Long netns, SocketTable table) {

	}

	/**
	 * The sockets {@code filter} accepts, by namespace (one unless {@code netns=all}).
	 */
	public List<Namespaced> read(SocketFilter filter, Netns netns) {
		return switch (netns.kind()) {
			case OWN -> List.of(new Namespaced(null, this.sockets.sockets(filter)));
			case PID -> List.of(new Namespaced(null, read(filter, this.namespaces.netRoot(netns.pid()))));
			case ALL -> readAll(filter, this.namespaces.scan());
		};
	}

	/** The sockets of every namespace chosen, in one table. */
	public SocketTable joined(SocketFilter filter, Netns netns) {
		return join(read(filter, netns));
	}

	/** The parts' sockets in one table, in the parts' order. */
	public static SocketTable join(List<Namespaced> parts) {
		if (parts.size() == 1) {
			return parts.get(0).table();
		}
		List<InetSocket> all = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		for (Namespaced part : parts) {
			all.addAll(part.table().sockets());
			skipped.addAll(part.table().skipped());
		}
		return new SocketTable(all, skipped);
	}

	/** Every namespace of {@code scan}, each read once. */
	public List<Namespaced> readAll(SocketFilter filter, NetworkNamespaces.Scan scan) {
		long own = this.namespaces.own();
		List<Namespaced> parts = new ArrayList<>();
		Map<Long, List<Integer>> scanned = scan.pids();
		if (!scanned.containsKey(own)) {
			// a procfs root without this process in it (a captured tree): its own tables
			parts.add(new Namespaced((own >= 0) ? own : null, this.sockets.sockets(filter)));
		}
		for (Map.Entry<Long, List<Integer>> namespace : scanned.entrySet()) {
			if (namespace.getKey() == own) {
				parts.add(new Namespaced(own, this.sockets.sockets(filter)));
				continue;
			}
			// through the first of its processes that is still there
			for (int pid : namespace.getValue()) {
				try {
					parts.add(new Namespaced(namespace.getKey(), read(filter, this.namespaces.netRoot(pid))));
					break;
				}
				catch (ProcfsUnavailableException ex) {
					// exited since the scan: the next one
				}
			}
		}
		return parts;
	}

	private static SocketTable read(SocketFilter filter, Path processRoot) {
		SocketTable table = new ProcfsSocketRepository(new ProcfsProperties(processRoot)).read(filter.protocols(),
				filter.kernelStates());
		return new SocketTable(table.sockets().stream().filter(filter).toList(), table.skipped());
	}

}
