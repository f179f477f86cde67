package io.netstatd.web;

import java.util.function.BooleanSupplier;

import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.support.inet.IpAddress;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Whether a request's client is gone, from its TCP connection as the kernel sees it: the
 * servlet API says so only when a write fails, and work that writes nothing for seconds
 * (a capture, a wait between two looks) must end with its request. Gone means the
 * connection is closing (the client's FIN), or absent after it was seen established (a
 * reset); a request that never had a socket of its own here (a mock request, a source
 * that cannot look) is never gone.
 */
final class ClientConnection implements BooleanSupplier {

	private final ObjectProvider<SocketSource> sockets;

	private final IpAddress local;

	private final int localPort;

	private final IpAddress remote;

	private final int remotePort;

	/**
	 * Owner walks look from several threads: a look lost in a race is taken 500 ms later.
	 */
	private volatile boolean seen;

	private ClientConnection(ObjectProvider<SocketSource> sockets, IpAddress local, int localPort, IpAddress remote,
			int remotePort) {
		this.sockets = sockets;
		this.local = local;
		this.localPort = localPort;
		this.remote = remote;
		this.remotePort = remotePort;
	}

	/**
	 * The check for one request.
	 * @param request the request
	 * @param sockets where to look
	 * @return whether its client is gone, asked when wanted
	 */
	static BooleanSupplier of(HttpServletRequest request, ObjectProvider<SocketSource> sockets) {
		try {
			return new ClientConnection(sockets, address(request.getLocalAddr()), request.getLocalPort(),
					address(request.getRemoteAddr()), request.getRemotePort());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return () -> false;
		}
	}

	private static IpAddress address(String text) {
		int zone = text.indexOf('%');
		return IpAddress.parse((zone < 0) ? text : text.substring(0, zone));
	}

	@Override
	public boolean getAsBoolean() {
		SocketSource source = this.sockets.getIfAvailable();
		if (source == null) {
			return false;
		}
		switch (source.status(this.local, this.localPort, this.remote, this.remotePort)) {
			case ESTABLISHED:
				this.seen = true;
				return false;
			case CLOSING:
				return true;
			case ABSENT:
				return this.seen;
			default:
				return false;
		}
	}

}
