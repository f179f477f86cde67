package io.netstatd.live.top;

import java.util.List;
import java.util.Locale;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code /top/connections}: the busiest connections between two looks.
 *
 * @param intervalSeconds how long apart the two looks were, as measured
 * @param by what they are ranked by
 * @param total how many connections were seen at either look
 * @param count how many are listed
 * @param connections the busiest first; those that opened or closed in between marked
 * @param skipped the procfs lines that could not be read
 */
@Schema(requiredProperties = { "intervalSeconds", "by", "total", "count", "connections", "skipped" })
public record BusyConnections(double intervalSeconds, String by, int total, int count, List<BusyConnection> connections,
		Skipped skipped) implements TextView {

	/**
	 * As tcptop prints its interval, per second: LADDR, RADDR, RX_KB/s, TX_KB/s, then the
	 * retransmits and segments per second and whether the connection opened or closed.
	 */
	@Override
	public String plain() {
		return TextTable
			.of(List.of("LADDR", "RADDR", "RX_KB/s", "TX_KB/s", "RETRANS/s", "SEGS/s", "STATE"), this.connections,
					(c) -> new Object[] { endpoint(c.socket(), true), endpoint(c.socket(), false),
							kilobytes(c.receivedPerSecond()), kilobytes(c.sentPerSecond()),
							decimal(c.retransmitsPerSecond()), decimal(c.segmentsPerSecond()), marks(c) })
			.aligned();
	}

	@Override
	public TextTable csv() {
		return TextTable.of(List.of("protocol", "localAddress", "localPort", "remoteAddress", "remotePort", "state",
				"receivedPerSecond", "sentPerSecond", "retransmitsPerSecond", "segmentsPerSecond", "opened", "closed"),
				this.connections,
				(c) -> new Object[] { c.socket().protocol(), c.socket().localAddress(), c.socket().localPort(),
						c.socket().remoteAddress(), c.socket().remotePort(), c.socket().state(), c.receivedPerSecond(),
						c.sentPerSecond(), c.retransmitsPerSecond(), c.segmentsPerSecond(), c.opened(), c.closed() });
	}

	private static String endpoint(InetSocket socket, boolean local) {
		return local ? socket.localAddress() + ":" + socket.localPort()
				: socket.remoteAddress() + ":" + socket.remotePort();
	}

	private static String kilobytes(Double bytes) {
		return (bytes != null) ? decimal(bytes / 1024) : "-";
	}

	private static String decimal(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f", value) : "-";
	}

	private static String marks(BusyConnection c) {
		return c.closed() ? "closed" : c.opened() ? "opened " + c.socket().state() : c.socket().state().toString();
	}

}
