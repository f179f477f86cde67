package io.netstatd.connections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.socket.DestroyedSockets;
import io.netstatd.socket.InetSocket;
import io.netstatd.socket.SockDiagDetails;
import io.netstatd.socket.SocketSelection;
import io.netstatd.socket.SocketService;
import io.netstatd.streams.SocketChanges;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One {@code /connections/stream}: its snapshots compared ({@code opened},
 * {@code changed}), and its closes, from the kernel's destroy notices where it has a
 * subscription (every socket destroyed, the short-lived ones between two snapshots
 * included), else from the snapshots. A close both tell of is sent once, by cookie. Not
 * thread-safe: its stream's ticks run one at a time.
 */
final class ConnectionsStream {

	/**
	 * Cookies of closes already sent, kept so that the other source's word is not sent
	 * again.
	 */
	private static final int RECENT_CLOSES = 100_000;

	private final SocketService sockets;

	private final StreamQuery query;

	private final DestroyedSockets.Subscription notices;

	private final int maxEvents;

	private final SocketChanges changes = new SocketChanges();

	/** When the stream first saw each socket it still sees, by cookie. */
	private final Map<Long, Long> firstSeen = new HashMap<>();

	private final Map<Long, Boolean> closed = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
			return size() > RECENT_CLOSES;
		}

	};

	ConnectionsStream(SocketService sockets, StreamQuery query, DestroyedSockets.Subscription notices, int maxEvents) {
		this.sockets = sockets;
		this.query = query;
		this.notices = notices;
		this.maxEvents = maxEvents;
	}

	/** The stream's source of closes, for its events. */
	String source() {
		return (this.notices != null) ? "kernel" : "snapshot";
	}

	/** Lets go of the subscription: the listener stops once no stream needs it. */
	void end() {
		if (this.notices != null) {
			this.notices.close();
		}
	}

	List<SseEmitter.SseEventBuilder> next() {
		long now = System.nanoTime();
		List<InetSocket> rows = this.sockets.read(this.query.sockets().selection(), this.query.sockets().netns())
			.rows();
		List<SocketChanges.Change> next = this.changes.next(rows);
		for (InetSocket row : rows) {
			if (row.details() != null) {
				this.firstSeen.putIfAbsent(row.details().cookie(), now);
			}
		}
		if (next == null) {
			return List.of(SseEmitter.event()
				.name("ready")
				.data(Map.of("sockets", rows.size(), "closes", source()), MediaType.APPLICATION_JSON));
		}
		List<StreamedSocket> events = new ArrayList<>();
		for (SocketChanges.Change change : next) {
			if (!change.kind().equals("closed")) {
				events.add(new StreamedSocket(change.kind(), ListedSocket.of(change.socket()), "snapshot", null));
			}
		}
		List<SseEmitter.SseEventBuilder> built = new ArrayList<>();
		if (this.notices != null) {
			long missed = this.notices.missed();
			if (missed != 0) {
				built.add(SseEmitter.event()
					.name("overflow")
					.data(Map.of("source", "kernel", "missed", (missed > 0) ? missed : "unknown"),
							MediaType.APPLICATION_JSON));
			}
			for (InetSocket destroyed : this.notices.drain()) {
				if (closesMatching().test(destroyed) && firstClose(destroyed)) {
					Long seen = this.firstSeen.remove(destroyed.details().cookie());
					events.add(new StreamedSocket("closed", ListedSocket.of(shown(destroyed)), "kernel",
							(seen != null) ? (now - seen) / 1e9 : null));
				}
			}
		}
		// the snapshot's closes after the kernel's: a close both tell of goes out once,
		// with the kernel's final counters, even when the connection spanned a tick
		for (SocketChanges.Change change : next) {
			if (change.kind().equals("closed") && firstClose(change.socket())) {
				forget(change.socket());
				events.add(new StreamedSocket("closed", ListedSocket.of(change.socket()), "snapshot", null));
			}
		}
		built.addAll(events(events, this.maxEvents));
		return built;
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
		return this.query.sockets().selection().inStates(Set.of());
	}

	private void forget(InetSocket socket) {
		if (socket.details() != null) {
			this.firstSeen.remove(socket.details().cookie());
		}
	}

	/** Whether no close of this socket was sent yet; then it is remembered as sent. */
	private boolean firstClose(InetSocket socket) {
		if (socket.details() == null) {
			return true;
		}
		return this.closed.put(socket.details().cookie(), Boolean.TRUE) == null;
	}

	/** A notice's {@code tcp_info}, only when the stream asked for it. */
	private InetSocket shown(InetSocket destroyed) {
		SockDiagDetails d = destroyed.details();
		if (this.query.info() || d == null) {
			return destroyed;
		}
		return destroyed.withDetails(new SockDiagDetails(d.cookie(), d.cgroupId(), d.mark(), null, d.memory()));
	}

}
