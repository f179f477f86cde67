package io.netstatd.kernel.socket;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.netns.UnknownProcessException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;
import io.netstatd.support.report.Skipped;

import org.springframework.stereotype.Service;

/**
 * The one read path for sockets, of every namespace: the service's own through the
 * configured source (netlink where it can), another one through {@code /proc/<pid>/net/},
 * every one by reading each namespace once through one of its processes, its rows tagged
 * with the namespace. Read fresh for every request, filtered once, here.
 * <p>
 * Concurrent requests for the same tables of the same namespace share one read: a request
 * that arrives while a read of its tables is under way waits for that read instead of
 * starting its own, so 64 dashboards polling at once cost the kernel one table walk, not
 * 64. An answer is never older than the read that was under way when its request arrived.
 * Every read counts its skipped lines, whatever its namespace.
 */
@Service
public class SocketService {

	/** The in-flight key of the service's own namespace. */
	private static final long OWN = 0;

	private final SocketSource source;

	private final NamespaceScanner namespaces;

	private final SkippedLineCounter skippedLines;

	/**
	 * Reads and counts under way, by what they fetch: an equal one joins, not repeats.
	 */
	private final ConcurrentMap<Object, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();

	public SocketService(SocketSource source, NamespaceScanner namespaces, SkippedLineCounter skippedLines) {
		this.source = source;
		this.namespaces = namespaces;
		this.skippedLines = skippedLines;
	}

	/**
	 * The sockets {@code selection} accepts, in the namespaces {@code choice} names.
	 * @param selection which sockets
	 * @param choice which namespaces; with {@code all}, each row is tagged with its own
	 * @return the sockets, in the kernel's order (tables in {@link Protocol}'s order,
	 * namespaces by inode), and the lines skipped
	 * @throws UnknownProcessException when {@code netns=<pid>} names no readable process
	 */
	public Parsed<InetSocket> read(SocketSelection selection, NamespaceChoice choice) {
		return read(selection, choice, Set.of());
	}

	/**
	 * The sockets {@code selection} accepts, in the namespaces {@code choice} names, each
	 * with the {@code details} asked for.
	 * @param selection which sockets
	 * @param choice which namespaces
	 * @param details what each row carries beyond its columns (sock_diag only)
	 * @return the sockets and the lines skipped
	 * @throws io.netstatd.support.query.InvalidParameterException when details are asked
	 * of another namespace, which is read from procfs
	 */
	public Parsed<InetSocket> read(SocketSelection selection, NamespaceChoice choice, Set<SocketDetail> details) {
		if (!details.isEmpty() && choice.kind() != NamespaceChoice.Kind.OWN) {
			throw details.iterator().next().unavailable("another network namespace");
		}
		return switch (choice.kind()) {
			case OWN -> own(selection, details);
			case PID -> other(selection, choice.pid(), this.namespaces.namespaceOf(choice.pid()));
			case ALL -> all(selection, this.namespaces.scan());
		};
	}

	/**
	 * What {@code counter} makes of the sockets {@code selection} accepts, in the
	 * namespaces {@code choice} names. In the service's own namespace each socket goes to
	 * the counter as its message is parsed and is dropped: a count at 60,000 sockets
	 * holds none of them (a list held through a young collection is promoted, and full
	 * collections follow). Equal counts under way at once share one dump and one answer.
	 * Other namespaces come from procfs, read whole, then counted.
	 * @param <T> the answer
	 * @param selection which sockets
	 * @param choice which namespaces
	 * @param counting what is counted, beyond the selection: counts with equal values
	 * (records of the query) share an answer
	 * @param counter makes a fresh counter
	 * @return the counter's answer
	 */
	public <T> T count(SocketSelection selection, NamespaceChoice choice, Object counting,
			Supplier<SocketCounter<T>> counter) {
		return count(selection, choice, Set.of(), counting, counter);
	}

	/**
	 * {@link #count(SocketSelection, NamespaceChoice, Object, Supplier)}, each socket
	 * with the {@code details} asked for.
	 * @param <T> the answer
	 * @param selection which sockets
	 * @param choice which namespaces
	 * @param details what each socket carries beyond its columns (sock_diag only)
	 * @param counting what is counted, beyond the selection
	 * @param counter makes a fresh counter
	 * @return the counter's answer
	 * @throws io.netstatd.support.query.InvalidParameterException when details are asked
	 * of another namespace or of procfs
	 */
	public <T> T count(SocketSelection selection, NamespaceChoice choice, Set<SocketDetail> details, Object counting,
			Supplier<SocketCounter<T>> counter) {
		if (choice.kind() != NamespaceChoice.Kind.OWN) {
			Parsed<InetSocket> sockets = read(selection, choice, details);
			SocketCounter<T> count = counter.get();
			sockets.rows().forEach(count);
			return count.result(sockets.skipped());
		}
		PortFilter ports = selection.kernelPorts();
		Read read = new Read(OWN, selection.protocols(), selection.kernelStates(), details, ports);
		return shared(new Count(read, selection, counting), () -> countOwn(read, selection, counter));
	}

	/**
	 * Gives each socket of the service's own namespace that {@code selection} accepts to
	 * {@code sink} as its message is parsed, keeping none: what a list written as it is
	 * read uses. Not shared with other reads (each sink writes its own response); the
	 * kernel's next buffers are received while the sink writes
	 * ({@link SocketSource#eachAhead}).
	 * @param selection which sockets
	 * @param details what each socket carries beyond its columns
	 * @param sink where each socket goes, in the kernel's order
	 * @return the lines skipped
	 * @throws DumpInterruptedException when a table failed after some of its sockets went
	 * to the sink, which cannot take them back
	 */
	public Skipped each(SocketSelection selection, Set<SocketDetail> details, Consumer<InetSocket> sink) {
		Skipped skipped = this.source.eachAhead(selection.protocols(), selection.kernelStates(), details,
				selection.kernelPorts(), (socket) -> {
					if (selection.test(socket)) {
						sink.accept(socket);
					}
				});
		this.skippedLines.count(skipped);
		return skipped;
	}

	/**
	 * Whether {@link #each} of {@code selection} can skip no line: a text answer may then
	 * be written while it reads.
	 * @param selection which sockets
	 * @return whether no line can be skipped
	 */
	public boolean skipsNoLines(SocketSelection selection) {
		return this.source.skipsNoLines(selection.protocols());
	}

	private <T> T countOwn(Read read, SocketSelection selection, Supplier<SocketCounter<T>> counter) {
		SocketCounter<T> streamed = counter.get();
		try {
			Skipped skipped = this.source.each(read.protocols(), read.states(), read.details(), read.ports(),
					(socket) -> {
						if (selection.test(socket)) {
							streamed.accept(socket);
						}
					});
			this.skippedLines.count(skipped);
			return streamed.result(skipped);
		}
		catch (DumpInterruptedException ex) {
			// part of a table was counted: count again, from tables read whole (procfs
			// where the dump fails)
			SocketCounter<T> whole = counter.get();
			Parsed<InetSocket> tables = counted(
					this.source.read(read.protocols(), read.states(), read.details(), read.ports()));
			tables.rows().stream().filter(selection).forEach(whole);
			return whole.result(tables.skipped());
		}
	}

	/**
	 * The sockets {@code selection} accepts in every namespace of {@code scan}, each
	 * namespace read once, each row tagged with its namespace.
	 * @param selection which sockets
	 * @param scan the namespaces
	 * @return the sockets and the lines skipped
	 */
	public Parsed<InetSocket> all(SocketSelection selection, NamespaceScanner.Scan scan) {
		long own = this.namespaces.own();
		Parsed<InetSocket> all = Parsed.empty();
		if (!scan.pids().containsKey(own)) {
			// a procfs root without this process in it (a captured tree): its own tables
			all = tagged(own(selection, Set.of()), own);
		}
		for (Map.Entry<Long, List<Integer>> namespace : scan.pids().entrySet()) {
			long inode = namespace.getKey();
			all = all.and(tagged(
					(inode == own) ? own(selection, Set.of()) : any(selection, namespace.getValue(), inode), inode));
		}
		return all;
	}

	/**
	 * The Unix domain sockets of the service's own namespace, read fresh.
	 * @return the sockets and the lines skipped
	 */
	public Parsed<UnixSocket> unixSockets() {
		Parsed<UnixSocket> unix = this.source.readUnix();
		this.skippedLines.count(unix.skipped());
		return unix;
	}

	private Parsed<InetSocket> own(SocketSelection selection, Set<SocketDetail> details) {
		PortFilter ports = selection.kernelPorts();
		return shared(new Read(OWN, selection.protocols(), selection.kernelStates(), details, ports),
				() -> counted(this.source.read(selection.protocols(), selection.kernelStates(), details, ports)))
			.filter(selection);
	}

	private Parsed<InetSocket> other(SocketSelection selection, int pid, long inode) {
		Path root = this.namespaces.netRoot(pid);
		// keyed by the namespace where it can be told: two pids of one pod share a read
		long key = (inode > 0) ? inode : -pid;
		return shared(new Read(key, selection.protocols(), selection.kernelStates(), Set.of(), PortFilter.NONE),
				() -> counted(new ProcfsSocketRepository(root).read(selection.protocols(), selection.kernelStates())))
			.filter(selection);
	}

	/** Through the first of its processes that is still there. */
	private Parsed<InetSocket> any(SocketSelection selection, List<Integer> pids, long inode) {
		for (int pid : pids) {
			try {
				return other(selection, pid, inode);
			}
			catch (UnknownProcessException | io.netstatd.kernel.procfs.ProcfsUnavailableException ex) {
				// exited since the scan: the next one
			}
		}
		return Parsed.empty();
	}

	private static Parsed<InetSocket> tagged(Parsed<InetSocket> sockets, long inode) {
		if (inode <= 0) {
			return sockets;
		}
		return new Parsed<>(sockets.rows().stream().map((socket) -> socket.inNamespace(inode)).toList(),
				sockets.skipped());
	}

	/** The lines a read skipped, counted once, by the read that skipped them. */
	private Parsed<InetSocket> counted(Parsed<InetSocket> table) {
		this.skippedLines.count(table.skipped());
		return table;
	}

	@SuppressWarnings("unchecked")
	private <T> T shared(Object key, Supplier<T> reader) {
		CompletableFuture<T> mine = new CompletableFuture<>();
		CompletableFuture<T> running = (CompletableFuture<T>) this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return join(running);
		}
		try {
			T answer = reader.get();
			mine.complete(answer);
			return answer;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, mine);
		}
	}

	private static <T> T join(CompletableFuture<T> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			// the reader's own exception (a 503 naming the file), not a wrapper
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * What one read fetches: a namespace's tables, the states and ports the kernel may
	 * filter on, and the details asked of it.
	 */
	private record Read(long namespace, Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details,
			PortFilter ports) {

	}

	/** What one count fetches and counts: its read, the selection, and what it counts. */
	private record Count(Read read, SocketSelection selection, Object counting) {

	}

}
