package io.netstatd.live.top;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.socket.DestroyedSockets;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.NoSockDiagException;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.MemoryBudget;
import io.netstatd.support.query.InvalidParameterException;

import org.springframework.stereotype.Service;

/**
 * Measures what connections move: the selected TCP connections read twice through
 * sock_diag with their {@code tcp_info}, {@code interval} apart, matched by cookie (the
 * kernel's id of a socket, which a port pair reused by a new connection does not share).
 * A connection in the second look only opened in between (its counters since its start).
 * One the kernel destroyed in between is told by its destroy notice, with its final
 * counters: what it moved since the first look (or since it opened, for one that lived
 * and died between the looks, which no dump sees: a transfer that opened, moved 500 KB
 * and closed was missing, where tcptop counts it), marked closed. One in the first look
 * only, without a notice, closed without one (no rates).
 * <p>
 * Both looks and the notices are held until the answer is made: they reserve from the
 * memory budget.
 */
@Service
class ConnectionRates {

	/** How often the wait between the looks looks at the request's end. */
	private static final long STEP_NANOS = 50_000_000L;

	/**
	 * What a row with its {@code tcp_info} holds while the answer is made (as the lists
	 * measure it: the row, and {@code tcp_info}'s record).
	 */
	static final long BYTES_PER_ROW = 810;

	/** How long the answer waits for the notices queued in the kernel to be taken in. */
	private static final Duration CATCH_UP = Duration.ofSeconds(2);

	private final SocketService sockets;

	private final DestroyedSockets destroyed;

	private final MemoryBudget memory;

	ConnectionRates(SocketService sockets, DestroyedSockets destroyed, MemoryBudget memory) {
		this.sockets = sockets;
		this.destroyed = destroyed;
		this.memory = memory;
	}

	BusyConnections measure(TopQuery query, Deadline deadline) throws InterruptedException {
		MemoryBudget.Reservation held = this.memory.reserve(0, deadline);
		DestroyedSockets.Subscription notices = this.destroyed.subscribe();
		try {
			Parsed<InetSocket> first = read(query);
			held.resize(first.rows().size() * BYTES_PER_ROW);
			long start = System.nanoTime();
			long until = deadline.earlierOf(query.interval());
			while (System.nanoTime() - until < 0 && !deadline.passed()) {
				Thread.sleep(Math.max(1, Math.min(STEP_NANOS, until - System.nanoTime()) / 1_000_000));
			}
			deadline.check("waiting between the two looks at the connections");
			Parsed<InetSocket> second = read(query);
			double seconds = (System.nanoTime() - start) / 1e9;
			List<InetSocket> closed = closed(notices, query);
			held.resize((first.rows().size() + second.rows().size() + closed.size()) * BYTES_PER_ROW);
			return rank(query, seconds, first, second, closed);
		}
		finally {
			if (notices != null) {
				notices.close();
			}
		}
	}

	private static BusyConnections rank(TopQuery query, double seconds, Parsed<InetSocket> first,
			Parsed<InetSocket> second, List<InetSocket> closed) {
		Map<Long, InetSocket> before = new HashMap<>();
		for (InetSocket socket : first.rows()) {
			before.put(socket.details().cookie(), socket);
		}
		// a notice's final counters stand for the socket, whatever the second look saw of
		// it (a TIME_WAIT row keeps the cookie of the connection it was)
		Map<Long, BusyConnection> byCookie = new LinkedHashMap<>();
		for (InetSocket socket : second.rows()) {
			byCookie.put(socket.details().cookie(),
					BusyConnection.between(before.get(socket.details().cookie()), socket, seconds));
		}
		for (InetSocket socket : closed) {
			long cookie = socket.details().cookie();
			byCookie.put(cookie, BusyConnection.destroyed(before.get(cookie), socket, seconds));
		}
		before.forEach((cookie, socket) -> byCookie.putIfAbsent(cookie, BusyConnection.closedSince(socket)));
		List<BusyConnection> connections = new ArrayList<>(byCookie.values());
		connections.sort(Comparator.comparingDouble((BusyConnection c) -> c.rank(query.by())).reversed());
		List<BusyConnection> listed = List.copyOf(connections.subList(0, Math.min(query.limit(), connections.size())));
		return new BusyConnections(seconds, query.by().toString(), connections.size(), listed.size(), listed,
				first.skipped().and(second.skipped()));
	}

	/**
	 * The selected connections the kernel destroyed since the subscription began, in any
	 * state they ended in, the notices queued by now taken in.
	 */
	private List<InetSocket> closed(DestroyedSockets.Subscription notices, TopQuery query) {
		if (notices == null) {
			return List.of();
		}
		this.destroyed.catchUp(CATCH_UP);
		SocketSelection anyState = query.selection().inStates(Set.of());
		return notices.drain()
			.stream()
			.filter((socket) -> socket.details() != null && socket.remotePort() != 0 && anyState.test(socket))
			.toList();
	}

	/** Rows without a cookie (a table read from procfs) cannot be matched: left out. */
	private Parsed<InetSocket> read(TopQuery query) {
		Parsed<InetSocket> read;
		try {
			read = this.sockets.read(query.selection(), NamespaceChoice.OWN, Set.of(SocketDetail.INFO));
		}
		catch (InvalidParameterException ex) {
			// the source is procfs: no parameter of this request asked for what it lacks
			throw new NoSockDiagException("/top/connections needs the kernel's sock_diag interface (tcp_info, "
					+ "socket cookies), and this service reads its sockets from procfs: set "
					+ "netstatd.sockets.source=auto or netlink, with /proc as the procfs root.");
		}
		List<InetSocket> matched = read.rows().stream().filter((socket) -> socket.details() != null).toList();
		return new Parsed<>(matched, read.skipped());
	}

}
