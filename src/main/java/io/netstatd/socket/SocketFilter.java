package io.netstatd.socket;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which sockets a caller asks for, as netstat's flags and ss's selection say it. Empty
 * sets and null ranges mean "any".
 *
 * @param protocols the tables to read
 * @param states the states wanted, or empty for all
 * @param port a port or range on either side, or null
 * @param localPort the local port or range, or null
 * @param remotePort the remote port or range, or null
 * @param localAddress the local address or CIDR block, or null
 * @param remoteAddress the remote address or CIDR block, or null
 * @param listeningOnly whether only listeners (TCP LISTEN, others with no peer) are
 * wanted
 */
public record SocketFilter(Set<Protocol> protocols, Set<SocketState> states, PortRange port, PortRange localPort,
		PortRange remotePort, AddressRange localAddress, AddressRange remoteAddress,
		boolean listeningOnly) implements Predicate<InetSocket> {

	public SocketFilter {
		protocols = Set.copyOf(protocols);
		states = Set.copyOf(states);
	}

	/**
	 * The TCP states a source may leave out before this filter sees them: a listener list
	 * needs only LISTEN from the kernel, which is what makes it as cheap as
	 * {@code ss -ltn}.
	 */
	public Set<SocketState> kernelStates() {
		return (this.listeningOnly && this.states.isEmpty()) ? Set.of(SocketState.LISTEN) : this.states;
	}

	@Override
	public boolean test(InetSocket socket) {
		return this.protocols.contains(socket.protocol())
				&& (this.states.isEmpty() || this.states.contains(socket.state()))
				&& (this.port == null || this.port.contains(socket.localPort())
						|| this.port.contains(socket.remotePort()))
				&& (this.localPort == null || this.localPort.contains(socket.localPort()))
				&& (this.remotePort == null || this.remotePort.contains(socket.remotePort()))
				&& (this.localAddress == null || this.localAddress.contains(socket.localAddress()))
				&& (this.remoteAddress == null || this.remoteAddress.contains(socket.remoteAddress()))
				&& (!this.listeningOnly || socket.isListening());
	}

}
