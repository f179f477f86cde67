package io.netstatd.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.process.ProcessIds;
import io.netstatd.socket.procfs.ProcfsProperties;
import io.netstatd.web.InvalidParameterException;

import org.springframework.stereotype.Component;

/**
 * The network namespaces of the host, found as osquery finds them: every process's
 * {@code <procfs root>/<pid>/ns/net} link names its namespace ({@code net:[inode]}), and
 * {@code <procfs root>/<pid>/net/} shows that namespace's tables. A process whose link
 * cannot be read (another user's, without the capabilities) is counted, not guessed.
 */
@Component
public class NetworkNamespaces {

	private static final String ALLOWED = "a process id (the network namespace that process lives in), or all";

	private final Path root;

	public NetworkNamespaces(ProcfsProperties properties) {
		this.root = properties.root();
	}

	/**
	 * The namespaces and the processes in each, and how many processes could not be told.
	 */
	public record Scan(Map<Long, List<Integer>> pids, int unreadable) {

	}

	/**
	 * What {@code netns} asks for.
	 * @throws InvalidParameterException when it is neither {@code all} nor the id of a
	 * process whose tables can be read
	 */
	public Netns parse(String value) {
		if (value == null) {
			return Netns.OWN;
		}
		if (value.equals("all")) {
			return Netns.ALL;
		}
		int pid = ProcessIds.parse(value);
		if (pid <= 0 || !Files.isReadable(netRoot(pid).resolve("net/tcp"))) {
			throw new InvalidParameterException("netns", "Invalid value '" + value
					+ "' for parameter 'netns': expected the id of a running process whose tables can be read, or all.",
					ALLOWED);
		}
		return new Netns(Netns.Kind.PID, pid);
	}

	/**
	 * The procfs directory under which {@code net/} shows the namespace of {@code pid}.
	 */
	public Path netRoot(int pid) {
		return this.root.resolve(Integer.toString(pid));
	}

	/** The namespace the service itself is in, or -1 when it cannot be told. */
	public long own() {
		return inode(this.root.resolve("self/ns/net"));
	}

	/** Every process, grouped by its network namespace; pids ascending. */
	public Scan scan() {
		List<Integer> pids = ProcessIds.list(this.root);
		AtomicInteger unreadable = new AtomicInteger();
		Map<Long, List<Integer>> byNamespace = new TreeMap<>();
		pids.parallelStream().forEach((pid) -> {
			long inode = inode(netRoot(pid).resolve("ns/net"));
			if (inode < 0) {
				unreadable.incrementAndGet();
				return;
			}
			synchronized (byNamespace) {
				byNamespace.computeIfAbsent(inode, (i) -> new ArrayList<>()).add(pid);
			}
		});
		byNamespace.values().forEach((list) -> list.sort(null));
		return new Scan(byNamespace, unreadable.get());
	}

	/** The inode in a {@code net:[4026531840]} link, or -1. */
	static long inode(Path link) {
		try {
			String target = Files.readSymbolicLink(link).toString();
			if (target.startsWith("net:[") && target.endsWith("]")) {
				return Long.parseLong(target, 5, target.length() - 1, 10);
			}
		}
		catch (IOException | NumberFormatException | UnsupportedOperationException ex) {
			// gone, or not ours to read
		}
		return -1;
	}

}
