package io.netstatd.core.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.live.streams.EventStreams;
import io.netstatd.live.streams.SharedTables;
import io.netstatd.live.streams.SocketTable;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One {@code /connections/stream}: a subscriber of the shared table of its namespace and
 * interval, which sends the table's changes that concern its selection. A socket that
 * starts matching is {@code opened}, one that stops is {@code closed}, one that matches
 * before and after in another state is {@code changed}; closes come from the kernel's
 * destroy notices where the table has them (every socket destroyed, the short-lived ones
 * between two reads included), else from the snapshots, each told once. A notice of a
 * full socket become a TIME_WAIT one is its {@code changed} to TIME_WAIT, with its final
 * counters; its {@code closed} comes when the TIME_WAIT row leaves the table. It holds
 * its selection and nothing of the table.
 */
final class ConnectionsStream implements SharedTables.Subscriber {

	private final SocketQuery sockets;

	private final boolean info;

	private final EventStreams.Sink sink;

	private final int maxEvents;

	private final String closes;

	ConnectionsStream(SocketQuery sockets, boolean info, EventStreams.Sink sink, int maxEvents, String closes) {
		this.sockets = sockets;
		this.info = info;
		this.sink = sink;
		this.maxEvents = maxEvents;
		this.closes = closes;
	}

	@Override
	public void tick(SharedTables.Tick tick, boolean first) {
		this.sink.send(first ? List.of(ready(tick.table())) : events(tick));
	}

	@Override
	public boolean showsTcpInfo() {
		return this.info;
	}

	@Override
	public void end(String why, boolean overflow) {
		this.sink.end(overflow
				? SseEmitter.event()
					.name("overflow")
					.data(Map.of("source", "memory", "detail", why), MediaType.APPLICATION_JSON)
				: SseEmitter.event().name("problem").data(why));
	}

	private SseEmitter.SseEventBuilder ready(SocketTable table) {
		SocketSelection selection = this.sockets.selection();
		long matching = table.count(selection);
		return SseEmitter.event()
			.name("ready")
			.data(Map.of("sockets", matching, "closes", this.closes), MediaType.APPLICATION_JSON);
	}

	List<SseEmitter.SseEventBuilder> events(SharedTables.Tick tick) {
		SocketSelection selection = this.sockets.selection();
		List<StreamedSocket> events = new ArrayList<>();
		List<StreamedSocket> closedBySnapshot = new ArrayList<>();
		for (SocketTable.Change change : tick.changes()) {
			boolean before = change.before() != null && selection.test(change.before());
			boolean after = change.after() != null && selection.test(change.after());
			if (before && after) {
				events.add(told("changed", change.after(), change));
			}
			else if (after) {
				events.add(told("opened", change.after(), change));
			}
			else if (before) {
				// the socket stopped matching: gone, or (noticed) into TIME_WAIT outside
				// the selection's states
				(change.noticed() ? events : closedBySnapshot)
					.add(told("closed", change.noticed() ? change.after() : change.before(), change));
			}
		}
		List<SseEmitter.SseEventBuilder> built = new ArrayList<>();
		if (tick.missed() != 0) {
			built.add(SseEmitter.event()
				.name("overflow")
				.data(Map.of("source", "kernel", "missed", (tick.missed() > 0) ? tick.missed() : "unknown"),
						MediaType.APPLICATION_JSON));
		}
		SocketSelection closesMatching = closesMatching();
		for (SharedTables.Destroyed destroyed : tick.destroyed()) {
			if (closesMatching.test(destroyed.socket())) {
				events.add(new StreamedSocket("closed", ListedSocket.of(shown(destroyed.socket())), "kernel",
						destroyed.livedSeconds()));
			}
		}
		// the snapshot's closes after the kernel's, as they were told before the table
		// was shared
		events.addAll(closedBySnapshot);
		built.addAll(events(events, this.maxEvents));
		return built;
	}

	/** An event of a change: the kernel's, its counters shown as asked, or two looks'. */
	private StreamedSocket told(String kind, InetSocket socket, SocketTable.Change change) {
		return change.noticed() ? new StreamedSocket(kind, ListedSocket.of(shown(socket)), "kernel", null)
				: new StreamedSocket(kind, ListedSocket.of(socket), "snapshot", null);
	}

	/**
	 * One event per change, or, past {@code maxEvents}, a single {@code overflow} event
	 * with their number: the client has missed changes and re-reads {@code /connections}
	 * if it needs them, and the stream goes on from the new snapshot.
	 */
	static List<SseEmitter.SseEventBuilder> events(List<StreamedSocket> changes, int maxEvents) {
		if (changes.size() > maxEvents) {
			return List.of(SseEmitter.event()
				.name("overflow")
				.data(Map.of("changes", changes.size(), "maxEvents", maxEvents), MediaType.APPLICATION_JSON));
		}
		List<SseEmitter.SseEventBuilder> events = new ArrayList<>(changes.size());
		for (StreamedSocket change : changes) {
			events.add(SseEmitter.event().name(change.kind()).data(change, MediaType.APPLICATION_JSON));
		}
		return events;
	}

	/**
	 * Closes match the stream's selection whatever their last state: a socket destroyed
	 * is reported in the state it ended in (CLOSE, TIME_WAIT, ...).
	 */
	private SocketSelection closesMatching() {
		return this.sockets.selection().inStates(Set.of());
	}

	/** A notice's {@code tcp_info}, only when the stream asked for it. */
	private InetSocket shown(InetSocket destroyed) {
		SockDiagDetails d = destroyed.details();
		if (this.info || d == null) {
			return destroyed;
		}
		return destroyed.withDetails(new SockDiagDetails(d.cookie(), d.cgroupId(), d.mark(), null, d.memory()));
	}

}
