package io.netstatd.core.stats;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.kernel.socket.SocketQuery;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.live.streams.Streamed;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of the awk recipes' endpoints, declared once.
 */
final class StatsSpecs {

	static final Param<Set<Protocol>> PROTOCOL = SelectionParams.protocol(SelectionParams.TCP,
			"tcp or tcp6, comma-separated; both when absent");

	static final Param<Integer> LIMIT = Param
		.of("limit", ParamTypes.integer(0, 1000),
				"how many addresses to list (head -N), cut where sort -rn | head cuts: at equal counts the address "
						+ "whose text sorts last in bytes comes first; 0 lists none, total still counts")
		.defaultsTo("20");

	private static final List<Param<?>> STATES = List.of(PROTOCOL,
			SelectionParams.PORT.describedAs("count only sockets with one of these ports on either side, or ports of "
					+ "these ranges, comma-separated: for example 443, or 80,443, or 8000-8099"),
			SelectionParams.LOCAL_ADDRESS, SelectionParams.REMOTE_ADDRESS, NamespaceChoice.PARAM);

	private StatsSpecs() {
	}

	private static SocketQuery states(Arguments arguments) {
		Set<Protocol> asked = arguments.get(PROTOCOL);
		return new SocketQuery(SelectionParams.select(arguments, asked.isEmpty() ? SelectionParams.TCP : asked),
				NamespaceChoice.of(arguments));
	}

	/**
	 * The recipe's {@code grep 80}, as it is meant: the local port, connections only (no
	 * listener).
	 */
	private static TopIpsQuery topIps(Arguments arguments) {
		Set<SocketState> connected = EnumSet.complementOf(EnumSet.of(SocketState.LISTEN));
		return new TopIpsQuery(new SocketQuery(SocketSelection.of(SelectionParams.TCP)
			.inStates(connected)
			.withPorts(null, arguments.get(SelectionParams.PORT), null)
			.withAddresses(arguments.get(SelectionParams.LOCAL_ADDRESS), arguments.get(SelectionParams.REMOTE_ADDRESS)),
				NamespaceChoice.of(arguments)), arguments.get(LIMIT));
	}

	/** {@code /stats/states}. */
	static final class States extends QuerySpec<SocketQuery> {

		States() {
			super(QuerySpec.join(STATES, List.of(Format.PARAM)), StatsSpecs::states);
		}

	}

	/** {@code /stats/states/stream}. */
	static final class StatesStream extends QuerySpec<Streamed<SocketQuery>> {

		StatesStream() {
			super(QuerySpec.join(STATES, List.of(Streamed.INTERVAL)),
					(arguments) -> new Streamed<>(states(arguments), arguments.get(Streamed.INTERVAL)));
		}

	}

	/** {@code /stats/top-ips}: connections to local ports, counted by remote address. */
	static final class TopIps extends QuerySpec<TopIpsQuery> {

		TopIps() {
			super(List.of(
					SelectionParams.PORT.describedAs("the local ports, or ranges of them, comma-separated: for example "
							+ "80, or 80,443; every local port when absent"),
					LIMIT, SelectionParams.LOCAL_ADDRESS, SelectionParams.REMOTE_ADDRESS, NamespaceChoice.PARAM,
					Format.PARAM), StatsSpecs::topIps);
		}

	}

}
