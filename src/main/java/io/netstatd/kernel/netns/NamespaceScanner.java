package io.netstatd.kernel.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.kernel.process.ProcessIds;
import io.netstatd.kernel.procfs.ProcfsProperties;

import org.springframework.stereotype.Component;

/**
 * The network namespaces of the host, found as osquery finds them: every process's
 * {@code <procfs root>/<pid>/ns/net} link names its namespace ({@code net:[inode]}), and
 * {@code <procfs root>/<pid>/net/} shows that namespace's tables. A process whose link
 * cannot be read (another user's, without the capabilities) is counted, not guessed.
 */
@Component
public class NamespaceScanner {

	private final Path root;

	public NamespaceScanner(ProcfsProperties properties) {
		this.root = properties.root();
	}

	/**
	 * The procfs directory under which {@code net/} shows the namespace of {@code pid}.
	 * @param pid a process id
	 * @return the directory
	 * @throws UnknownProcessException when that process's tables cannot be read
	 */
	public Path netRoot(int pid) {
		Path process = processRoot(pid);
		if (!Files.isReadable(process.resolve("net/tcp"))) {
			throw new UnknownProcessException(pid);
		}
		return process;
	}

	/**
	 * The namespace {@code pid} lives in.
	 * @param pid a process id
	 * @return its inode, or -1 when it cannot be told
	 */
	public long namespaceOf(int pid) {
		return inode(processRoot(pid).resolve("ns/net"));
	}

	/**
	 * The namespace the service itself is in.
	 * @return its inode, or -1 when it cannot be told (a procfs root of another host)
	 */
	public long own() {
		return inode(this.root.resolve("self/ns/net"));
	}

	/**
	 * Every process, grouped by its network namespace.
	 * @return the scan
	 */
	public Scan scan() {
		List<Integer> pids = ProcessIds.list(this.root);
		AtomicInteger unreadable = new AtomicInteger();
		Map<Long, List<Integer>> byNamespace = new TreeMap<>();
		pids.parallelStream().forEach((pid) -> {
			long inode = namespaceOf(pid);
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

	private Path processRoot(int pid) {
		return this.root.resolve(Integer.toString(pid));
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

	/**
	 * The namespaces and the processes in each, and how many processes could not be told.
	 *
	 * @param pids the processes of each namespace, by the namespace's inode, pids
	 * ascending
	 * @param unreadable how many processes could not be told
	 */
	public record Scan(Map<Long, List<Integer>> pids, int unreadable) {

	}

}
