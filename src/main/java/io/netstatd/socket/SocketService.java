package io.netstatd.socket;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Service;

/**
 * The sockets of the host, read fresh for every request and filtered.
 * <p>
 * Concurrent requests for the same tables share one read: a request that arrives while a
 * read of its tables is under way waits for that read instead of starting its own, so 64
 * dashboards polling at once cost the kernel one table walk, not 64. An answer is never
 * older than the read that was under way when its request arrived.
 */
@Service
public class SocketService {

	private final SocketSource source;

	private final ConcurrentMap<Read, CompletableFuture<SocketTable>> inFlight = new ConcurrentHashMap<>();

	private final SkippedLineCounter skippedLines;

	public SocketService(SocketSource source, SkippedLineCounter skippedLines) {
		this.source = source;
		this.skippedLines = skippedLines;
	}

	/** Reads only the tables {@code filter} needs, and keeps the sockets it accepts. */
	public SocketTable sockets(SocketFilter filter) {
		SocketTable table = read(new Read(filter.protocols(), filter.kernelStates()));
		List<InetSocket> matching = table.sockets().stream().filter(filter).toList();
		return new SocketTable(matching, table.skipped());
	}

	/** The Unix domain sockets, read fresh. */
	public UnixTable unixSockets() {
		UnixTable table = this.source.readUnix();
		this.skippedLines.count(table.skipped());
		return table;
	}

	private SocketTable read(Read read) {
		CompletableFuture<SocketTable> mine = new CompletableFuture<>();
		CompletableFuture<SocketTable> running = this.inFlight.putIfAbsent(read, mine);
		if (running != null) {
			return join(running);
		}
		try {
			SocketTable table = this.source.read(read.protocols(), read.states());
			this.skippedLines.count(table.skipped());
			mine.complete(table);
			return table;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(read, mine);
		}
	}

	private static SocketTable join(CompletableFuture<SocketTable> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			// the reader's own exception (a 503 naming the file), not a wrapper
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** What one read fetches: its tables, and the states the kernel may filter on. */
	private record Read(Set<Protocol> protocols, Set<SocketState> states) {

	}

}
