package io.netstatd.live.capture;

import java.time.Duration;
import java.util.EnumSet;

import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.netstatd.support.query.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /capture/top-sources} asks, bound from its query string, with its hard
 * bounds: at most {@value #MAX_PACKETS} packets and 60 seconds.
 *
 * @param port the port: packets to it are counted by source (tcpdump's dst port); every
 * packet of the protocol when absent
 * @param packets stop after this many packets (tcpdump's -c), at most 100000
 * @param seconds or after this many seconds, whichever comes first, at most 60
 * @param iface the interface (tcpdump's -i), or any for every one
 * @param protocol only tcp or only udp; both when absent
 * @param syn only connection attempts: TCP segments with SYN and without ACK, IPv4 and
 * IPv6 (a SYN flood answered with SYN cookies leaves no socket to count)
 * @param direction dst: packets to the port, counted by source; src: packets from the
 * port, counted by destination
 * @param limit how many addresses to list, the busiest first; at equal counts, as sort
 * -rn breaks ties, the address whose text sorts last in bytes first
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record TopSourcesQuery(@Schema(minimum = "0", maximum = "65535") Integer port,
		@Schema(minimum = "1", maximum = "100000", defaultValue = "1000") Integer packets,
		@Schema(minimum = "1", maximum = "60", defaultValue = "10") Integer seconds,
		@Schema(defaultValue = CaptureQuery.ANY) String iface, Transport protocol,
		@Schema(defaultValue = "false") Boolean syn, @Schema(defaultValue = "dst") Direction direction,
		@Schema(minimum = "0", maximum = "1000", defaultValue = "20") Integer limit,
		Format format) implements Formatted {

	/** At most this many packets, whatever is asked. */
	static final int MAX_PACKETS = 100_000;

	TopSourcesQuery {
		packets = (packets != null) ? packets : 1000;
		seconds = (seconds != null) ? seconds : 10;
		if (iface != null && iface.isEmpty()) {
			throw InvalidParameterException.invalidValue("iface", iface, "an interface's name, or any");
		}
		iface = (iface != null) ? iface : CaptureQuery.ANY;
		syn = (syn != null) ? syn : Boolean.FALSE;
		direction = (direction != null) ? direction : Direction.DST;
		limit = (limit != null) ? limit : 20;
		if (syn && protocol == Transport.UDP) {
			throw new InvalidParameterException("syn",
					"Parameter 'syn' asks for TCP's connection attempts, and protocol=udp has none.",
					"true only with protocol=tcp or no protocol");
		}
	}

	/**
	 * The capture asked.
	 * @return the capture
	 */
	CaptureQuery capture() {
		EnumSet<Transport> protocols = (this.protocol != null) ? EnumSet.of(this.protocol)
				: this.syn ? EnumSet.of(Transport.TCP) : EnumSet.allOf(Transport.class);
		PacketFilter filter = new PacketFilter(protocols, this.port, this.direction, this.syn);
		return new CaptureQuery(this.iface, filter, this.packets, Duration.ofSeconds(this.seconds), this.limit);
	}

}
