package io.netstatd.kernel.socket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.netstatd.support.inet.IpAddress;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of a TCP or UDP socket table: what netstat prints on one line.
 *
 * @param protocol the table the row comes from
 * @param localAddress local address, {@code 0.0.0.0} or {@code ::} for a wildcard bind
 * @param localPort local port
 * @param remoteAddress peer address, {@code 0.0.0.0} or {@code ::} when there is none
 * @param remotePort peer port, 0 when there is none
 * @param state the socket's state
 * @param recvQ netstat's Recv-Q: bytes not yet read by the program (for a listener: the
 * accept queue)
 * @param sendQ netstat's Send-Q: bytes not yet acknowledged by the peer
 * @param uid the owner's user id
 * @param inode the socket's inode, 0 for TIME_WAIT and SYN_RECV rows, which have no
 * socket
 * @param timer the pending timer ({@code netstat -o})
 * @param netns the inode of the network namespace the row was read from, when a request
 * read several ({@code netns=all}); 0 otherwise. Tagged when read, so that every view
 * downstream knows it without looking it up again
 * @param details what sock_diag told besides the columns ({@code ss -e -i -m}); null for
 * a row read from procfs
 */
@JsonPropertyOrder({ "protocol", "localAddress", "localPort", "remoteAddress", "remotePort", "state", "recvQ", "sendQ",
		"uid", "inode", "timer" })
@Schema(requiredProperties = { "protocol", "localAddress", "localPort", "remoteAddress", "remotePort", "state", "recvQ",
		"sendQ", "uid", "inode", "timer" })
public record InetSocket(Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress,
		int remotePort, SocketState state, long recvQ, long sendQ, long uid, long inode, SocketTimer timer,
		@JsonIgnore long netns, @JsonUnwrapped SockDiagDetails details) {

	/**
	 * A row read from the service's own namespace, untagged, with nothing but its
	 * columns.
	 */
	public InetSocket(Protocol protocol, IpAddress localAddress, int localPort, IpAddress remoteAddress, int remotePort,
			SocketState state, long recvQ, long sendQ, long uid, long inode, SocketTimer timer) {
		this(protocol, localAddress, localPort, remoteAddress, remotePort, state, recvQ, sendQ, uid, inode, timer, 0,
				null);
	}

	/**
	 * This row with what sock_diag told besides its columns.
	 * @param diag the details
	 * @return the row
	 */
	public InetSocket withDetails(SockDiagDetails diag) {
		return new InetSocket(this.protocol, this.localAddress, this.localPort, this.remoteAddress, this.remotePort,
				this.state, this.recvQ, this.sendQ, this.uid, this.inode, this.timer, this.netns, diag);
	}

	/**
	 * This row with its columns alone, as procfs would give it: what two sources are
	 * compared on.
	 * @return the row without details
	 */
	public InetSocket columns() {
		return (this.details == null) ? this : withDetails(null);
	}

	/**
	 * This row tagged with the namespace it was read from.
	 * @param namespace the namespace's inode
	 * @return the tagged row
	 */
	public InetSocket inNamespace(long namespace) {
		return new InetSocket(this.protocol, this.localAddress, this.localPort, this.remoteAddress, this.remotePort,
				this.state, this.recvQ, this.sendQ, this.uid, this.inode, this.timer, namespace, this.details);
	}

	/**
	 * Whether this socket waits for peers: a TCP listener, or a UDP socket with no peer.
	 * @return whether it listens
	 */
	@JsonIgnore
	public boolean isListening() {
		return this.protocol.tcp() ? this.state == SocketState.LISTEN : this.remoteAddress.isAny();
	}

}
