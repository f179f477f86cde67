package io.netstatd.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * TCP sockets counted by state: {@code netstat -nat | awk '{print $6}' | sort | uniq -c |
 * sort -rn} without the two header lines it counts as states.
 *
 * @param total how many sockets were counted
 * @param states every one of netstat's eleven TCP states, zeros included so that a
 * dashboard's keys never vanish, and UNKNOWN when some code was not known; by count,
 * largest first, then in the kernel's order
 * @param skipped the procfs lines that could not be read
 */
@Schema(requiredProperties = { "total", "states", "skipped" })
public record StateCounts(long total, List<StateCount> states, Skipped skipped) implements TextView {

	/**
	 * The recipe's output: {@code uniq -c} lines after {@code sort -rn}, states with
	 * sockets only.
	 */
	@Override
	public String plain() {
		return TextTable.uniqCount(this.states.stream().filter((state) -> state.count() > 0).toList());
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("state", "count");
		this.states.forEach((state) -> table.add(state.state(), state.count()));
		return table;
	}

	/** Counts {@code sockets}, which the caller has filtered to the TCP ones it wants. */
	public static StateCounts of(List<InetSocket> sockets, Skipped skipped) {
		Counter counter = new Counter();
		sockets.forEach(counter);
		return counter.result(skipped);
	}

	/**
	 * How many of {@code sockets} are in each state, in the kernel's order: the eleven
	 * TCP states always, zeros included, and UNKNOWN when some code was not known.
	 */
	public static Map<SocketState, Long> byState(List<InetSocket> sockets) {
		Counter counter = new Counter();
		sockets.forEach(counter);
		return counter.byState();
	}

	/**
	 * Counts sockets by state as they are given, the TCP ones the caller selected.
	 */
	public static final class Counter implements SocketCounter<StateCounts> {

		// indexed by SocketState's ordinal: an EnumMap's merge boxes a Long per socket
		private final long[] counts = new long[SocketState.values().length];

		private long total;

		@Override
		public void accept(InetSocket socket) {
			this.counts[socket.state().ordinal()]++;
			this.total++;
		}

		/** The counts in the kernel's order, the eleven TCP states always. */
		public Map<SocketState, Long> byState() {
			Map<SocketState, Long> byState = new EnumMap<>(SocketState.class);
			SocketState.TCP_STATES.forEach((state) -> byState.put(state, 0L));
			for (SocketState state : SocketState.values()) {
				if (this.counts[state.ordinal()] > 0) {
					byState.put(state, this.counts[state.ordinal()]);
				}
			}
			return byState;
		}

		@Override
		public StateCounts result(Skipped skipped) {
			Map<SocketState, Long> counts = byState();
			List<StateCount> states = new ArrayList<>(counts.size());
			counts.forEach((state, count) -> states.add(new StateCount(state, count)));
			// EnumMap iterates in the kernel's order, and the sort is stable: ties keep
			// it
			states.sort(Comparator.comparingLong(StateCount::count).reversed());
			return new StateCounts(this.total, states, skipped);
		}

	}

	/**
	 * One state and how many sockets are in it.
	 *
	 * @param state the state
	 * @param count how many sockets are in it
	 */
	@Schema(requiredProperties = { "state", "count" })
	public record StateCount(SocketState state, long count) implements TextTable.CountedLine {

		@Override
		public String value() {
			return this.state.name();
		}

	}

}
