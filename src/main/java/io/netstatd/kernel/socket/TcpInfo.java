package io.netstatd.kernel.socket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a TCP connection is doing, what {@code ss -ti} prints: the kernel's
 * {@code struct tcp_info} ({@code include/uapi/linux/tcp.h}, the sock_diag attribute
 * {@code INET_DIAG_INFO}) and its congestion control ({@code INET_DIAG_CONG}), in ss's
 * units: times in milliseconds, rates in bytes per second, counts as counted. The
 * structure grows with kernel versions: fields this kernel does not give are absent
 * (null), never zero.
 *
 * @param rto the retransmission timeout, ms ({@code tcpi_rto}, µs in the kernel)
 * @param ato the delayed-ACK timeout, ms ({@code tcpi_ato})
 * @param rtt the smoothed round-trip time, ms ({@code tcpi_rtt})
 * @param rttVar its mean deviation, ms ({@code tcpi_rttvar})
 * @param rcvRtt the receiver's estimate of the round-trip time, ms ({@code tcpi_rcv_rtt})
 * @param mss the sending maximum segment size, bytes ({@code tcpi_snd_mss})
 * @param rcvMss the receiving one, bytes ({@code tcpi_rcv_mss})
 * @param advMss the one advertised to the peer, bytes ({@code tcpi_advmss})
 * @param pmtu the path MTU, bytes ({@code tcpi_pmtu})
 * @param cwnd the congestion window, segments ({@code tcpi_snd_cwnd})
 * @param ssthresh the slow-start threshold, segments; absent while infinite (ss prints it
 * below 0xFFFF only)
 * @param rcvSsthresh the receive window's clamp, bytes ({@code tcpi_rcv_ssthresh})
 * @param rcvSpace the receive buffer space the autotuner aims at, bytes
 * @param reordering the reordering the sender tolerates, segments
 * @param backoff exponential backoffs of the retransmission timer ({@code tcpi_backoff})
 * @param unacked segments sent and not acknowledged ({@code tcpi_unacked})
 * @param sacked segments selectively acknowledged ({@code tcpi_sacked}); for a listener,
 * its accept backlog, which the kernel reports in the same field
 * @param lost segments deemed lost ({@code tcpi_lost})
 * @param retransmits segments retransmitted and not yet acknowledged, now
 * ({@code tcpi_retrans}: the first number of ss's {@code retrans:N/M})
 * @param totalRetransmits segments retransmitted over the connection's life
 * ({@code tcpi_total_retrans}: the second)
 * @param lastSend ms since data was last sent ({@code tcpi_last_data_sent})
 * @param lastReceive ms since data was last received ({@code tcpi_last_data_recv})
 * @param lastAck ms since an ACK was last received ({@code tcpi_last_ack_recv})
 * @param options the options negotiated: {@code ts}, {@code sack}, {@code wscale},
 * {@code ecn}, {@code ecnseen}, {@code syn_data}, {@code usec_ts}, {@code tfo_child}
 * ({@code tcpi_options})
 * @param sndWscale the send window's scale, with {@code wscale}
 * @param rcvWscale the receive window's scale, with {@code wscale}
 * @param congestion the congestion control algorithm ({@code cubic}, {@code bbr}, ...)
 * @param pacingRate the pacing rate, bytes/s; absent when unlimited
 * @param maxPacingRate its cap ({@code SO_MAX_PACING_RATE}), bytes/s; absent when
 * unlimited
 * @param bytesAcked bytes sent and acknowledged ({@code tcpi_bytes_acked})
 * @param bytesReceived bytes received ({@code tcpi_bytes_received})
 * @param segsOut segments sent, retransmissions and pure ACKs included
 * @param segsIn segments received, pure ACKs included
 * @param notSentBytes bytes queued and not yet sent ({@code tcpi_notsent_bytes})
 * @param minRtt the lowest round-trip time seen, ms ({@code tcpi_min_rtt})
 * @param dataSegsIn segments received carrying data
 * @param dataSegsOut segments sent carrying data
 * @param deliveryRate the most recent delivery rate, bytes/s
 * @param busyTime ms spent sending data ({@code tcpi_busy_time}, µs in the kernel)
 * @param rwndLimited ms of that limited by the peer's receive window
 * @param sndbufLimited ms of that limited by the send buffer
 * @param delivered segments delivered, retransmissions included
 * @param deliveredCe of those, ECN CE-marked
 * @param bytesSent bytes sent, retransmissions included ({@code tcpi_bytes_sent})
 * @param bytesRetransmitted bytes retransmitted ({@code tcpi_bytes_retrans})
 * @param dsackDups duplicate segments reported by D-SACK
 * @param reordSeen reordering events seen
 * @param rcvOooPackets out-of-order packets received
 * @param sndWnd the peer's advertised receive window, bytes
 * @param rcvWnd the receive window advertised to the peer, bytes
 * @param rehash rehash attempts (PLB or timeouts)
 * @param totalRto retransmission timeouts over the connection's life
 * @param totalRtoRecoveries recoveries from them
 * @param totalRtoTime ms spent in those recoveries
 * @param appLimited whether the last delivery rate was limited by the application
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TcpInfo(double rto, double ato, double rtt, double rttVar, double rcvRtt, long mss, long rcvMss,
		long advMss, long pmtu, long cwnd, Long ssthresh, long rcvSsthresh, long rcvSpace, long reordering, int backoff,
		long unacked, long sacked, long lost, long retransmits, long totalRetransmits, long lastSend, long lastReceive,
		long lastAck, List<String> options, Integer sndWscale, Integer rcvWscale, String congestion, Long pacingRate,
		Long maxPacingRate, Long bytesAcked, Long bytesReceived, Long segsOut, Long segsIn, Long notSentBytes,
		Double minRtt, Long dataSegsIn, Long dataSegsOut, Long deliveryRate, Long busyTime, Long rwndLimited,
		Long sndbufLimited, Long delivered, Long deliveredCe, Long bytesSent, Long bytesRetransmitted, Long dsackDups,
		Long reordSeen, Long rcvOooPackets, Long sndWnd, Long rcvWnd, Long rehash, Long totalRto,
		Long totalRtoRecoveries, Long totalRtoTime, Boolean appLimited) {

}
