package io.netstatd.live.top;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of {@code /top/connections}, declared once: the selection of
 * {@code /connections} (TCP only), and what to rank by, over how long.
 */
final class TopSpecs {

	static final Param<Set<Protocol>> PROTOCOL = SelectionParams.protocol(SelectionParams.TCP,
			"tcp or tcp6, comma-separated; both when absent");

	static final Param<Ranking> BY = Param.of("by", ParamTypes.oneOf(Ranking.values()),
			"rank by bytes (sent and acknowledged, plus received, per second), retransmits (segments "
					+ "retransmitted per second) or segments (sent and received per second)")
		.defaultsTo("bytes");

	static final Param<Duration> INTERVAL = Param
		.of("interval", ParamTypes.duration(Duration.ofMillis(100), Duration.ofSeconds(5)),
				"how long apart the two looks are: 100ms to 5s, such as 1s or 500ms; the answer comes after it")
		.defaultsTo("1s");

	static final Param<Integer> LIMIT = Param
		.of("limit", ParamTypes.integer(0, 1000), "how many connections to list, the busiest first")
		.defaultsTo("20");

	private TopSpecs() {
	}

	private static TopQuery query(Arguments arguments) {
		Set<Protocol> asked = arguments.get(PROTOCOL);
		return new TopQuery(SelectionParams.select(arguments, asked.isEmpty() ? SelectionParams.TCP : asked),
				arguments.get(BY), arguments.get(INTERVAL), arguments.get(LIMIT));
	}

	/** {@code /top/connections}. */
	static final class Connections extends QuerySpec<TopQuery> {

		Connections() {
			super(List.of(BY, INTERVAL, LIMIT, PROTOCOL, SelectionParams.FAMILY, SelectionParams.STATE,
					SelectionParams.PORT, SelectionParams.LOCAL_PORT, SelectionParams.REMOTE_PORT,
					SelectionParams.LOCAL_ADDRESS, SelectionParams.REMOTE_ADDRESS, Format.PARAM), TopSpecs::query);
		}

	}

}
