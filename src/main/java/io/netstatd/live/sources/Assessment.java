package io.netstatd.live.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netstatd.kernel.socket.SocketState;
import io.netstatd.live.capture.PacketCapture;
import io.netstatd.live.closed.ClosedRecorder;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.text.TextTable;

/**
 * The answer of {@code /stats/sources} from what was read: the sources ranked by their
 * score (connections held now plus connections closed in the window), and the signals
 * whose thresholds were crossed. Pure: what the kernel said comes in, the answer goes
 * out.
 */
final class Assessment {

	/** Half-open connections on the asked ports that make a {@code syn-flood}. */
	static final long SYN_RECV_FLOOD = 100;

	/** The share of a port's connections or closes one source must have to flood it. */
	static final double FLOOD_SHARE = 0.5;

	/** ... and the fewest connections held for that share to count. */
	static final long FLOOD_CONNECTIONS = 20;

	/** ... or the fewest closes in the window. */
	static final long FLOOD_CLOSES = 100;

	private Assessment() {
	}

	static Sources of(SourcesQuery query, SourceTally tally, ClosedRecorder.ByRemote closes,
			FloodCounters.Growth growth) {
		return of(query, tally, closes, growth, null);
	}

	/**
	 * The answer, with the packets a capture counted per source when one ran.
	 */
	static Sources of(SourcesQuery query, SourceTally tally, ClosedRecorder.ByRemote closes,
			FloodCounters.Growth growth, PacketCapture.PacketsBySource captured) {
		Map<IpAddress, Source> byIp = new LinkedHashMap<>();
		Set<IpAddress> ips = new LinkedHashSet<>(tally.byRemote.keySet());
		ips.addAll(closes.sums().keySet());
		if (captured != null) {
			ips.addAll(captured.counts().keySet());
		}
		long closed = 0;
		for (long[] close : closes.sums().values()) {
			closed += close[0];
		}
		for (IpAddress ip : ips) {
			byIp.put(ip, source(ip, tally.byRemote.getOrDefault(ip, new long[SocketState.values().length]),
					closes.sums().get(ip), captured));
		}
		List<Source> ranked = new ArrayList<>(byIp.values());
		ranked.sort(TextTable.CountedLine.RECIPE_ORDER);
		List<Signal> signals = signals(query, tally, ranked, closed, growth);
		boolean complete = closes.complete() && growth.covered().compareTo(query.window()) >= 0;
		return new Sources(query.onePort(), query.window().toSeconds(), growth.covered().toSeconds(),
				complete && (captured == null || captured.complete()), tally.connections, closed,
				List.copyOf(ranked.subList(0, Math.min(query.limit(), ranked.size()))), signals,
				(captured != null) ? captured.seconds() : null, tally.skipped());
	}

	private static Source source(IpAddress ip, long[] states, long[] closes, PacketCapture.PacketsBySource captured) {
		Map<String, Long> held = new LinkedHashMap<>();
		long connections = 0;
		for (SocketState state : SocketState.TCP_STATES) {
			long count = states[state.ordinal()];
			if (count > 0) {
				held.put(state.name(), count);
				connections += count;
			}
		}
		long closed = (closes != null) ? closes[0] : 0;
		long[] packets = (captured != null) ? captured.counts().getOrDefault(ip, new long[3]) : new long[3];
		Double packetsPerSecond = (captured != null) ? perSecond(packets[0], captured.seconds()) : null;
		Double synsPerSecond = (captured != null) ? perSecond(packets[2], captured.seconds()) : null;
		return new Source(ip.toString(), connections + closed + packets[0], connections, held, closed,
				(closes != null) ? closes[1] : 0, (closes != null) ? closes[2] : 0, packetsPerSecond, synsPerSecond);
	}

	/** A rate to three decimals: what a person reads. */
	private static double perSecond(long count, double seconds) {
		return (seconds > 0) ? Math.round(count / seconds * 1000) / 1000.0 : 0;
	}

	private static List<Signal> signals(SourcesQuery query, SourceTally tally, List<Source> ranked, long closed,
			FloodCounters.Growth growth) {
		List<Signal> signals = new ArrayList<>();
		for (SourceTally.Listener listener : tally.listeners) {
			// the kernel drops a connection when the queue is past the backlog
			// (sk_acceptq_is_full); at the backlog the next one is dropped. Where
			// procfs gives no backlog, the host's counters below say it
			if (listener.backlog() > 0 && listener.queue() >= listener.backlog()) {
				signals.add(new Signal("accept-queue-full", listener.endpoint(),
						listener.queue() + " connections wait to be accepted, the listener's backlog is "
								+ listener.backlog() + ": the kernel drops the next ones",
						listener.queue()));
			}
		}
		long seconds = growth.covered().toSeconds();
		long overflows = growth.of("ListenOverflows");
		long drops = growth.of("ListenDrops");
		if (overflows > 0 || drops > 0) {
			signals.add(new Signal("listen-overflows", "host",
					String.format(Locale.ROOT,
							"TcpExt ListenOverflows +%d, ListenDrops +%d in the last %d s, on every port of the host",
							overflows, drops, seconds),
					Math.max(overflows, drops)));
		}
		long cookies = growth.of("SyncookiesSent");
		if (cookies > 0) {
			signals.add(new Signal(
					"syn-flood", "host", String.format(Locale.ROOT,
							"TcpExt SyncookiesSent +%d in the last %d s: a SYN queue was full", cookies, seconds),
					cookies));
		}
		if (tally.synRecv >= SYN_RECV_FLOOD) {
			signals.add(new Signal("syn-flood", scope(query),
					tally.synRecv + " half-open connections (SYN_RECV), " + SYN_RECV_FLOOD + " or more",
					tally.synRecv));
		}
		connectionFlood(query, tally, ranked, closed, signals);
		return signals;
	}

	private static void connectionFlood(SourcesQuery query, SourceTally tally, List<Source> ranked, long closed,
			List<Signal> signals) {
		for (Source source : ranked) {
			double held = share(source.connections(), tally.connections);
			if (tally.connections >= FLOOD_CONNECTIONS && held >= FLOOD_SHARE) {
				signals.add(new Signal("connection-flood", scope(query),
						String.format(Locale.ROOT, "%s holds %d of the %d connections (%.0f %%)", source.ip(),
								source.connections(), tally.connections, held * 100),
						held));
			}
			double closes = share(source.closed(), closed);
			if (closed >= FLOOD_CLOSES && closes >= FLOOD_SHARE) {
				signals.add(new Signal("connection-flood", scope(query),
						String.format(Locale.ROOT, "%s closed %d of the %d connections closed in the window (%.0f %%)",
								source.ip(), source.closed(), closed, closes * 100),
						closes));
			}
		}
	}

	private static double share(long part, long whole) {
		return (whole > 0) ? (double) part / whole : 0;
	}

	private static String scope(SourcesQuery query) {
		return (query.onePort() != null) ? "port " + query.onePort()
				: (query.port() != null) ? "ports " + query.port() : "every port";
	}

}
