package io.netstatd.live.capture;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamSchema;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of {@code /capture/top-sources}, declared once, with their hard bounds:
 * at most {@value #MAX_PACKETS} packets and {@value #MAX_SECONDS} seconds.
 */
final class CaptureSpecs {

	static final int MAX_PACKETS = 100_000;

	static final int MAX_SECONDS = 60;

	static final Param<Integer> PORT = Param.of("port", ParamTypes.integer(0, 65535),
			"the port: packets to it are counted by source (tcpdump's dst port); every packet of the protocol when "
					+ "absent");

	static final Param<Integer> PACKETS = Param
		.of("packets", ParamTypes.integer(1, MAX_PACKETS),
				"stop after this many packets (tcpdump's -c), at most " + MAX_PACKETS)
		.defaultsTo("1000");

	static final Param<Integer> SECONDS = Param
		.of("seconds", ParamTypes.integer(1, MAX_SECONDS),
				"or after this many seconds, whichever comes first, at most " + MAX_SECONDS)
		.defaultsTo("10");

	static final Param<String> IFACE = Param
		.of("iface",
				ParamTypes.single((value) -> value.isEmpty() ? null : value, "an interface's name, or any",
						ParamSchema.string(null)),
				"the interface (tcpdump's -i), or any for every one")
		.defaultsTo(CaptureQuery.ANY);

	static final Param<Transport> PROTOCOL = Param.of("protocol", ParamTypes.oneOf(Transport.values()),
			"only tcp or only udp; both when absent");

	static final Param<Boolean> SYN = Param
		.of("syn", ParamTypes.bool(),
				"only connection attempts: TCP segments with SYN and without ACK, IPv4 and IPv6 (a SYN flood "
						+ "answered with SYN cookies leaves no socket to count)")
		.defaultsTo("false");

	static final Param<Direction> DIRECTION = Param
		.of("direction", ParamTypes.oneOf(Direction.values()),
				"dst: packets to the port, counted by source; src: packets from the port, counted by destination")
		.defaultsTo("dst");

	static final Param<Integer> LIMIT = Param
		.of("limit", ParamTypes.integer(0, 1000),
				"how many addresses to list, the busiest first; at equal counts, as sort -rn breaks ties, the "
						+ "address whose text sorts last in bytes first")
		.defaultsTo("20");

	private CaptureSpecs() {
	}

	private static CaptureQuery query(Arguments arguments) {
		Transport protocol = arguments.get(PROTOCOL);
		boolean syn = arguments.get(SYN);
		if (syn && protocol == Transport.UDP) {
			throw new InvalidParameterException("syn",
					"Parameter 'syn' asks for TCP's connection attempts, and protocol=udp has none.",
					"true only with protocol=tcp or no protocol");
		}
		EnumSet<Transport> protocols = (protocol != null) ? EnumSet.of(protocol)
				: syn ? EnumSet.of(Transport.TCP) : EnumSet.allOf(Transport.class);
		PacketFilter filter = new PacketFilter(protocols, arguments.get(PORT), arguments.get(DIRECTION), syn);
		return new CaptureQuery(arguments.get(IFACE), filter, arguments.get(PACKETS),
				Duration.ofSeconds(arguments.get(SECONDS)), arguments.get(LIMIT));
	}

	/** {@code /capture/top-sources}. */
	static final class TopSources extends QuerySpec<CaptureQuery> {

		TopSources() {
			super(List.of(PORT, PACKETS, SECONDS, IFACE, PROTOCOL, SYN, DIRECTION, LIMIT, Format.PARAM),
					CaptureSpecs::query);
		}

	}

}
