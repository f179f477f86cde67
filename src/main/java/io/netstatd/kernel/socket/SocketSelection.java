package io.netstatd.kernel.socket;

import java.util.Set;
import java.util.function.Predicate;

import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;

/**
 * Which sockets a request asks for, as netstat's flags and ss's selection say it: the
 * tables to read, then states, ports and addresses. An empty set or an absent (null) port
 * or address set means "any". Built from {@link #of(Set)} with the {@code with} methods,
 * so that no caller spells out what it does not select on.
 *
 * @param protocols the tables to read
 * @param states the states wanted, or empty for all
 * @param port ports on either side, or null
 * @param localPort local ports, or null
 * @param remotePort remote ports, or null
 * @param localAddress local addresses or blocks, or null
 * @param remoteAddress remote addresses or blocks, or null
 * @param listeningOnly whether only listeners (TCP LISTEN, others with no peer) are
 * wanted
 */
public record SocketSelection(Set<Protocol> protocols, Set<SocketState> states, PortSet port, PortSet localPort,
		PortSet remotePort, AddressSet localAddress, AddressSet remoteAddress,
		boolean listeningOnly) implements Predicate<InetSocket> {

	public SocketSelection {
		protocols = Set.copyOf(protocols);
		states = Set.copyOf(states);
	}

	/**
	 * Every socket of these tables.
	 * @param protocols the tables
	 * @return the selection
	 */
	public static SocketSelection of(Set<Protocol> protocols) {
		return new SocketSelection(protocols, Set.of(), null, null, null, null, null, false);
	}

	/**
	 * Only these states (none: all).
	 * @param wanted the states
	 * @return the narrower selection
	 */
	public SocketSelection inStates(Set<SocketState> wanted) {
		return new SocketSelection(this.protocols, wanted, this.port, this.localPort, this.remotePort,
				this.localAddress, this.remoteAddress, this.listeningOnly);
	}

	/**
	 * Only sockets with one of these ports on either side, local or remote.
	 * @param either ports on either side, or null
	 * @param local local ports, or null
	 * @param remote remote ports, or null
	 * @return the narrower selection
	 */
	public SocketSelection withPorts(PortSet either, PortSet local, PortSet remote) {
		return new SocketSelection(this.protocols, this.states, either, local, remote, this.localAddress,
				this.remoteAddress, this.listeningOnly);
	}

	/**
	 * Only sockets with these addresses.
	 * @param local local addresses or blocks, or null
	 * @param remote remote addresses or blocks, or null
	 * @return the narrower selection
	 */
	public SocketSelection withAddresses(AddressSet local, AddressSet remote) {
		return new SocketSelection(this.protocols, this.states, this.port, this.localPort, this.remotePort, local,
				remote, this.listeningOnly);
	}

	/**
	 * Only listeners: TCP in LISTEN, others with no peer ({@code netstat -l}).
	 * @return the narrower selection
	 */
	public SocketSelection listening() {
		return new SocketSelection(this.protocols, this.states, this.port, this.localPort, this.remotePort,
				this.localAddress, this.remoteAddress, true);
	}

	/**
	 * The TCP states a source may leave out before this selection sees them: a listener
	 * list needs only LISTEN from the kernel, which is what makes it as cheap as
	 * {@code ss -ltn}.
	 * @return the states the kernel may filter on, or empty for all
	 */
	public Set<SocketState> kernelStates() {
		return (this.listeningOnly && this.states.isEmpty()) ? Set.of(SocketState.LISTEN) : this.states;
	}

	/**
	 * The ports a source may filter on before this selection sees its rows.
	 * @return the selection's ports
	 */
	public PortFilter kernelPorts() {
		return new PortFilter(this.port, this.localPort, this.remotePort);
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
