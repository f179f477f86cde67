package io.netstatd.live.sources;

import java.time.Duration;
import java.util.List;

import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of {@code /stats/sources}, declared once: the port as on
 * {@code /stats/top-ips}, the window as on {@code /stats/closed}.
 */
final class SourcesSpecs {

	static final Param<Duration> WINDOW = Param
		.of("window", ParamTypes.duration(Duration.ofSeconds(1), Duration.ofMinutes(10)),
				"how far back closes and the kernel's counters count: 1s to 10m, such as 60s or 5m")
		.defaultsTo("60s");

	static final Param<Integer> LIMIT = Param
		.of("limit", ParamTypes.integer(0, 1000),
				"how many sources to list, the highest score first; at equal scores, as sort -rn breaks ties, the "
						+ "address whose text sorts last in bytes first")
		.defaultsTo("20");

	private SourcesSpecs() {
	}

	private static SourcesQuery query(Arguments arguments) {
		return new SourcesQuery(arguments.get(SelectionParams.PORT), arguments.get(WINDOW), arguments.get(LIMIT));
	}

	/** {@code /stats/sources}. */
	static final class Sources extends QuerySpec<SourcesQuery> {

		Sources() {
			super(List.of(SelectionParams.PORT.describedAs(
					"the local ports (services) asked about, or ranges of them, comma-separated: for example 80, "
							+ "or 80,443; every port when absent"),
					WINDOW, LIMIT, Format.PARAM), SourcesSpecs::query);
		}

	}

}
