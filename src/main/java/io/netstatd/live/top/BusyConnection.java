package io.netstatd.live.top;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.TcpInfo;

/**
 * One connection as {@code /top/connections} shows it: the socket as {@code /connections}
 * lists it with its {@code tcpInfo} now, and what it moved per second between the two
 * looks.
 *
 * @param socket the socket, with its {@code tcp_info} at the second look (at the first,
 * for one that closed in between)
 * @param sentPerSecond bytes sent and acknowledged per second ({@code tcpi_bytes_acked})
 * @param receivedPerSecond bytes received per second ({@code tcpi_bytes_received})
 * @param retransmitsPerSecond segments retransmitted per second
 * ({@code tcpi_total_retrans})
 * @param segmentsPerSecond segments sent and received per second ({@code tcpi_segs_out},
 * {@code tcpi_segs_in})
 * @param opened whether it opened between the two looks: its counters since its start
 * @param closed whether it closed between the two looks: no rates, its last counters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BusyConnection(@JsonUnwrapped InetSocket socket, Double sentPerSecond, Double receivedPerSecond,
		Double retransmitsPerSecond, Double segmentsPerSecond, boolean opened, boolean closed) {

	/**
	 * The rates of a connection seen twice, or opened since the first look
	 * ({@code before} null: counted from zero).
	 * @param before the first look, or null
	 * @param after the second look
	 * @param seconds how long apart the looks were
	 * @return the connection
	 */
	static BusyConnection between(InetSocket before, InetSocket after, double seconds) {
		TcpInfo now = info(after);
		TcpInfo then = (before != null) ? info(before) : null;
		if (now == null) {
			return new BusyConnection(after, null, null, null, null, before == null, false);
		}
		return new BusyConnection(after, rate(now.bytesAcked(), (then != null) ? then.bytesAcked() : null, seconds),
				rate(now.bytesReceived(), (then != null) ? then.bytesReceived() : null, seconds),
				rate(now.totalRetransmits(), (then != null) ? then.totalRetransmits() : null, seconds),
				rate(sum(now.segsOut(), now.segsIn()), (then != null) ? sum(then.segsOut(), then.segsIn()) : null,
						seconds),
				before == null, false);
	}

	/**
	 * A connection the kernel destroyed between the looks: what it moved from the first
	 * look ({@code before}), or from its start when it opened after it, to its end, per
	 * second of the interval, as tcptop counts a connection that closed within its
	 * interval.
	 * @param before the first look, or null
	 * @param destroyed the socket as its destroy notice tells it, its final counters
	 * @param seconds how long apart the looks were
	 * @return the connection, marked closed, and opened when it opened after the first
	 * look
	 */
	static BusyConnection destroyed(InetSocket before, InetSocket destroyed, double seconds) {
		BusyConnection moved = between(before, destroyed, seconds);
		return new BusyConnection(destroyed, moved.sentPerSecond(), moved.receivedPerSecond(),
				moved.retransmitsPerSecond(), moved.segmentsPerSecond(), before == null, true);
	}

	/**
	 * A connection seen at the first look only.
	 * @param before the first look
	 * @return the connection, marked closed
	 */
	static BusyConnection closedSince(InetSocket before) {
		return new BusyConnection(before, null, null, null, null, false, true);
	}

	/**
	 * How much it moved by {@code ranking}, per second; closed connections and those
	 * without {@code tcp_info} rank last.
	 * @param ranking what to rank by
	 * @return the rate, or -1
	 */
	double rank(Ranking ranking) {
		Double rate = switch (ranking) {
			case BYTES -> (this.sentPerSecond != null && this.receivedPerSecond != null)
					? this.sentPerSecond + this.receivedPerSecond : null;
			case RETRANSMITS -> this.retransmitsPerSecond;
			case SEGMENTS -> this.segmentsPerSecond;
		};
		return (rate != null) ? rate : -1;
	}

	private static TcpInfo info(InetSocket socket) {
		return (socket.details() != null) ? socket.details().tcpInfo() : null;
	}

	private static Long sum(Long a, Long b) {
		return (a != null && b != null) ? a + b : null;
	}

	private static Double rate(Number now, Number then, double seconds) {
		if (now == null) {
			return null;
		}
		long moved = now.longValue() - ((then != null) ? then.longValue() : 0);
		return Math.max(0, moved) / seconds;
	}

}
