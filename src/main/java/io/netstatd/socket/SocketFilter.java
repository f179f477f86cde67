package io.netstatd.socket;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which sockets a caller asks for. Empty sets and null ports mean "any".
 *
 * @param protocols the tables to read
 * @param states the states wanted, or empty for all
 * @param port a port on either side, or null
 * @param localPort the local port, or null
 * @param remotePort the remote port, or null
 * @param listeningOnly whether only listeners (TCP LISTEN, UDP with no peer) are wanted
 */
public record SocketFilter(Set<Protocol> protocols, Set<SocketState> states, Integer port, Integer localPort,
		Integer remotePort, boolean listeningOnly) implements Predicate<InetSocket> {

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
				&& (this.port == null || socket.localPort() == this.port || socket.remotePort() == this.port)
				&& (this.localPort == null || socket.localPort() == this.localPort)
				&& (this.remotePort == null || socket.remotePort() == this.remotePort)
				&& (!this.listeningOnly || socket.isListening());
	}

}
