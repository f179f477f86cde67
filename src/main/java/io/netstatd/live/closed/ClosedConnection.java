package io.netstatd.live.closed;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.TcpInfo;
import io.netstatd.support.inet.IpAddress;

/**
 * What is kept of one TCP connection the kernel destroyed: its ends, when, and what it
 * moved, from its final {@code tcp_info}. About a hundred bytes, so that the last minutes
 * of a busy host fit.
 *
 * @param at {@link System#nanoTime()} when the notice was read
 * @param protocol tcp or tcp6
 * @param localAddress its local address
 * @param localPort its local port
 * @param remoteAddress the peer's address
 * @param remotePort the peer's port
 * @param bytesSent bytes sent and acknowledged ({@code tcpi_bytes_acked}), 0 when unknown
 * @param bytesReceived bytes received ({@code tcpi_bytes_received}), 0 when unknown
 * @param retransmits segments retransmitted over its life ({@code tcpi_total_retrans})
 */
record ClosedConnection(long at, Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress,
		int remotePort, long bytesSent, long bytesReceived, long retransmits) {

	/**
	 * The record of a destroyed socket, or null for one that was no connection (a
	 * listener, a socket never connected, UDP).
	 * @param socket the socket as its notice gave it
	 * @param at when the notice was read
	 * @return the record, or null
	 */
	static ClosedConnection of(InetSocket socket, long at) {
		if (!socket.protocol().tcp() || socket.remotePort() == 0) {
			return null;
		}
		TcpInfo info = (socket.details() != null) ? socket.details().tcpInfo() : null;
		return new ClosedConnection(at, socket.protocol(), socket.localAddress(), socket.localPort(),
				socket.remoteAddress(), socket.remotePort(), (info != null) ? orZero(info.bytesAcked()) : 0,
				(info != null) ? orZero(info.bytesReceived()) : 0, (info != null) ? info.totalRetransmits() : 0);
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

}
