package io.netstatd.live.closed;

import java.time.Duration;
import java.util.List;

import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamSchema;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of {@code /stats/closed}, declared once: those of
 * {@code /stats/top-ips}, and the window and grouping.
 */
final class ClosedSpecs {

	static final Param<Duration> WINDOW = Param
		.of("window", ParamTypes.duration(Duration.ofSeconds(1), Duration.ofMinutes(10)),
				"how far back: 1s to 10m, such as 60s or 5m")
		.defaultsTo("60s");

	static final Param<Grouping> BY = Param
		.of("by",
				ParamTypes.single(Grouping::of, "one of remote, localPort, remotePort",
						ParamSchema.oneOf(List.of("remote", "localPort", "remotePort"))),
				"group by the peer's address (remote), the local port (which service) or the peer's port")
		.defaultsTo("remote");

	static final Param<Integer> LIMIT = Param
		.of("limit", ParamTypes.integer(0, 1000),
				"how many groups to list, the largest first; at equal counts, as sort -rn breaks ties, the key "
						+ "whose text sorts last in bytes first")
		.defaultsTo("20");

	private ClosedSpecs() {
	}

	private static ClosedQuery query(Arguments arguments) {
		return new ClosedQuery(arguments.get(WINDOW), arguments.get(BY), arguments.get(SelectionParams.PORT),
				arguments.get(SelectionParams.LOCAL_ADDRESS), arguments.get(SelectionParams.REMOTE_ADDRESS),
				arguments.get(LIMIT));
	}

	/** {@code /stats/closed}. */
	static final class Closed extends QuerySpec<ClosedQuery> {

		Closed() {
			super(List.of(WINDOW, BY,
					SelectionParams.PORT.describedAs("only connections to these local ports, or ranges of them, "
							+ "comma-separated: for example 80, or 80,443"),
					LIMIT, SelectionParams.LOCAL_ADDRESS, SelectionParams.REMOTE_ADDRESS, Format.PARAM),
					ClosedSpecs::query);
		}

	}

}
