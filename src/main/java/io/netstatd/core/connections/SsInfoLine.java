package io.netstatd.core.connections;

import java.math.BigDecimal;
import java.math.MathContext;

import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketMemory;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.TcpInfo;

/**
 * The line {@code ss -tinm} prints under a socket, field for field in its order and on
 * its conditions ({@code tcp_stats_print} and {@code print_skmeminfo} in iproute2's
 * {@code misc/ss.c}), numeric as with {@code -n}: scripts that awk ss's line read this
 * one the same way.
 */
final class SsInfoLine {

	private static final MathContext SIX_DIGITS = new MathContext(6);

	private SsInfoLine() {
	}

	/**
	 * The line, without its leading tab; null when there is nothing to print.
	 * @param details what sock_diag told of the socket
	 * @param state the socket's state
	 * @return the line, or null
	 */
	static String of(SockDiagDetails details, SocketState state) {
		if (details == null || (details.tcpInfo() == null && details.memory() == null)) {
			return null;
		}
		StringBuilder line = new StringBuilder(256);
		if (details.memory() != null) {
			memory(line, details.memory());
		}
		if (details.tcpInfo() != null) {
			info(line, details.tcpInfo(), state == SocketState.LISTEN);
		}
		return line.toString();
	}

	private static void memory(StringBuilder line, SocketMemory m) {
		line.append(" skmem:(r").append(m.rmemAlloc()).append(",rb").append(m.rcvBuf());
		line.append(",t").append(m.wmemAlloc()).append(",tb").append(m.sndBuf());
		line.append(",f").append(m.fwdAlloc()).append(",w").append(m.wmemQueued()).append(",o").append(m.optMem());
		if (m.backlog() != null) {
			line.append(",bl").append(m.backlog());
		}
		if (m.drops() != null) {
			line.append(",d").append(m.drops());
		}
		line.append(')');
	}

	private static void info(StringBuilder line, TcpInfo i, boolean listening) {
		for (String option : i.options()) {
			switch (option) {
				case "ts", "usec_ts", "sack", "ecn", "ecnseen" -> line.append(' ').append(option);
				case "syn_data" -> line.append(" fastopen");
				default -> {
					// wscale is printed with its scales below; tfo_child ss leaves out
				}
			}
		}
		optional(line, " ", i.congestion());
		if (i.sndWscale() != null) {
			line.append(" wscale:").append(i.sndWscale()).append(',').append(i.rcvWscale());
		}
		// 3,000,000 µs is the initial timeout, which ss leaves out
		if (i.rto() != 0 && i.rto() != 3000) {
			line.append(" rto:").append(g(i.rto()));
		}
		positive(line, " backoff:", i.backoff());
		if (i.rtt() != 0) {
			line.append(" rtt:").append(g(i.rtt())).append('/').append(g(i.rttVar()));
		}
		if (i.ato() != 0) {
			line.append(" ato:").append(g(i.ato()));
		}
		positive(line, " mss:", i.mss());
		positive(line, " pmtu:", i.pmtu());
		positive(line, " rcvmss:", i.rcvMss());
		positive(line, " advmss:", i.advMss());
		positive(line, " cwnd:", i.cwnd());
		if (i.ssthresh() != null && i.ssthresh() < 0xffff) {
			positive(line, " ssthresh:", i.ssthresh());
		}
		positive(line, " bytes_sent:", i.bytesSent());
		positive(line, " bytes_retrans:", i.bytesRetransmitted());
		positive(line, " bytes_acked:", i.bytesAcked());
		positive(line, " bytes_received:", i.bytesReceived());
		positive(line, " segs_out:", i.segsOut());
		positive(line, " segs_in:", i.segsIn());
		positive(line, " data_segs_out:", i.dataSegsOut());
		positive(line, " data_segs_in:", i.dataSegsIn());
		if (i.rtt() > 0 && i.mss() > 0 && i.cwnd() > 0) {
			// ss: cwnd * mss * 8,000,000 / rtt in µs
			line.append(" send ").append(Math.round(i.cwnd() * (double) i.mss() * 8000.0 / i.rtt())).append("bps");
		}
		positive(line, " lastsnd:", i.lastSend());
		positive(line, " lastrcv:", i.lastReceive());
		positive(line, " lastack:", i.lastAck());
		if (i.pacingRate() != null && i.pacingRate() > 0) {
			line.append(" pacing_rate ").append(i.pacingRate() * 8).append("bps");
			if (i.maxPacingRate() != null && i.maxPacingRate() > 0) {
				line.append('/').append(i.maxPacingRate() * 8).append("bps");
			}
		}
		if (i.deliveryRate() != null && i.deliveryRate() > 0) {
			line.append(" delivery_rate ").append(i.deliveryRate() * 8).append("bps");
		}
		positive(line, " delivered:", i.delivered());
		positive(line, " delivered_ce:", i.deliveredCe());
		if (Boolean.TRUE.equals(i.appLimited())) {
			line.append(" app_limited");
		}
		busy(line, i);
		positive(line, " unacked:", i.unacked());
		if (i.retransmits() != 0 || i.totalRetransmits() != 0) {
			line.append(" retrans:").append(i.retransmits()).append('/').append(i.totalRetransmits());
		}
		positive(line, " lost:", i.lost());
		if (!listening) {
			// a listener's tcpi_sacked is its backlog, which ss does not print as sacked
			positive(line, " sacked:", i.sacked());
		}
		positive(line, " dsack_dups:", i.dsackDups());
		if (i.reordering() != 3) {
			line.append(" reordering:").append(i.reordering());
		}
		positive(line, " reord_seen:", i.reordSeen());
		if (i.rcvRtt() != 0) {
			line.append(" rcv_rtt:").append(g(i.rcvRtt()));
		}
		positive(line, " rcv_space:", i.rcvSpace());
		positive(line, " rcv_ssthresh:", i.rcvSsthresh());
		positive(line, " notsent:", i.notSentBytes());
		if (i.minRtt() != null && i.minRtt() != 0) {
			line.append(" minrtt:").append(g(i.minRtt()));
		}
		positive(line, " rcv_ooopack:", i.rcvOooPackets());
		positive(line, " snd_wnd:", i.sndWnd());
		positive(line, " rcv_wnd:", i.rcvWnd());
		positive(line, " rehash:", i.rehash());
	}

	/** {@code busy:Nms rwnd_limited:Nms(P%) sndbuf_limited:Nms(P%)}. */
	private static void busy(StringBuilder line, TcpInfo i) {
		if (i.busyTime() == null || i.busyTime() == 0) {
			return;
		}
		line.append(" busy:").append(i.busyTime()).append("ms");
		limited(line, " rwnd_limited:", i.rwndLimited(), i.busyTime());
		limited(line, " sndbuf_limited:", i.sndbufLimited(), i.busyTime());
	}

	private static void limited(StringBuilder line, String name, Long limited, long busy) {
		if (limited != null && limited != 0) {
			long tenths = Math.round(1000.0 * limited / busy);
			line.append(name).append(limited).append("ms(").append(tenths / 10).append('.').append(tenths % 10);
			line.append("%)");
		}
	}

	private static void optional(StringBuilder line, String prefix, String value) {
		if (value != null && !value.isEmpty()) {
			line.append(prefix).append(value);
		}
	}

	private static void positive(StringBuilder line, String name, Number value) {
		if (value != null && value.longValue() != 0) {
			line.append(name).append(value.longValue());
		}
	}

	/**
	 * C's {@code %g} for the values ss prints with it: six significant digits, no
	 * trailing zeros.
	 */
	static String g(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e6) {
			return Long.toString((long) value);
		}
		// the times are whole microseconds in ms: three decimals, which fit six digits
		// below 1000 ms; anything else the slow, exact way
		long thousandths = Math.round(value * 1000);
		if (value > 0 && value < 1000 && Math.abs(value * 1000 - thousandths) < 1e-6) {
			StringBuilder text = new StringBuilder(12).append(thousandths / 1000).append('.');
			long fraction = thousandths % 1000;
			text.append((fraction < 100) ? "0" : "").append((fraction < 10) ? "0" : "").append(fraction);
			while (text.charAt(text.length() - 1) == '0') {
				text.setLength(text.length() - 1);
			}
			return text.toString();
		}
		return new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
	}

}
