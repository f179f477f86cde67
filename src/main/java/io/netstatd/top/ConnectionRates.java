package io.netstatd.top;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.limits.Deadline;
import io.netstatd.netns.NamespaceChoice;
import io.netstatd.procfs.Parsed;
import io.netstatd.query.InvalidParameterException;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.NoSockDiagException;
import io.netstatd.socket.SocketDetail;
import io.netstatd.socket.SocketService;

import org.springframework.stereotype.Service;

/**
 * Measures what connections move: the selected TCP connections read twice through
 * sock_diag with their {@code tcp_info}, {@code interval} apart, matched by cookie (the
 * kernel's id of a socket, which a port pair reused by a new connection does not share).
 * A connection in the second look only opened in between (its counters since its start);
 * one in the first only closed (listed, without rates).
 */
@Service
class ConnectionRates {

	/** How often the wait between the looks looks at the request's end. */
	private static final long STEP_NANOS = 50_000_000L;

	private final SocketService sockets;

	ConnectionRates(SocketService sockets) {
		this.sockets = sockets;
	}

	BusyConnections measure(TopQuery query, Deadline deadline) throws InterruptedException {
		Parsed<InetSocket> first = read(query);
		long start = System.nanoTime();
		long until = deadline.earlierOf(query.interval());
		while (System.nanoTime() - until < 0 && !deadline.passed()) {
			Thread.sleep(Math.max(1, Math.min(STEP_NANOS, until - System.nanoTime()) / 1_000_000));
		}
		deadline.check("waiting between the two looks at the connections");
		Parsed<InetSocket> second = read(query);
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<Long, InetSocket> before = new HashMap<>();
		for (InetSocket socket : first.rows()) {
			before.put(socket.details().cookie(), socket);
		}
		List<BusyConnection> connections = new ArrayList<>(second.rows().size());
		for (InetSocket socket : second.rows()) {
			connections.add(BusyConnection.between(before.remove(socket.details().cookie()), socket, seconds));
		}
		before.values().forEach((socket) -> connections.add(BusyConnection.closedSince(socket)));
		connections.sort(Comparator.comparingDouble((BusyConnection c) -> c.rank(query.by())).reversed());
		List<BusyConnection> listed = List.copyOf(connections.subList(0, Math.min(query.limit(), connections.size())));
		return new BusyConnections(seconds, query.by().toString(), connections.size(), listed.size(), listed,
				first.skipped().and(second.skipped()));
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
