package io.netstatd.live.sources;

import java.time.Duration;
import java.util.List;

import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.InvalidParameterException;
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

	static final Param<Duration> CAPTURE = Param.of("capture",
			ParamTypes.duration(Duration.ofSeconds(1), Duration.ofSeconds(60)),
			"also capture the TCP packets to the port for this long (1s to 60s, such as 2s) and count packets and SYNs "
					+ "per source; one port only, where capture is on (netstatd.capture.enabled), one capture at a time");

	private SourcesSpecs() {
	}

	private static SourcesQuery query(Arguments arguments) {
		SourcesQuery query = new SourcesQuery(arguments.get(SelectionParams.PORT), arguments.get(WINDOW),
				arguments.get(LIMIT), arguments.get(CAPTURE));
		if (query.capture() != null && query.port() == null) {
			throw new InvalidParameterException("capture",
					"A capture counts the packets to one port: give port one port, not several or none.",
					"a duration such as 2s, with port set to one port");
		}
		return query;
	}

	/** {@code /stats/sources}. */
	static final class Sources extends QuerySpec<SourcesQuery> {

		Sources() {
			super(List.of(SelectionParams.PORT.describedAs(
					"the local ports (services) asked about, or ranges of them, comma-separated: for example 80, "
							+ "or 80,443; every port when absent"),
					WINDOW, LIMIT, CAPTURE, Format.PARAM), SourcesSpecs::query);
		}

	}

}
