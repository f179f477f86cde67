package io.netstatd.live.sources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;

/**
 * The TCP sockets of the asked ports, counted as the kernel's dump is parsed: per remote
 * address its connections by state, and the listeners' queues. No row is kept.
 */
final class SourceTally implements SocketCounter<SourceTally> {

	/** Per remote address: connections by {@link SocketState#ordinal()}. */
	final Map<IpAddress, long[]> byRemote = new HashMap<>();

	final List<Listener> listeners = new ArrayList<>();

	long connections;

	long synRecv;

	private Skipped skipped = Skipped.NONE;

	@Override
	public void accept(InetSocket socket) {
		if (socket.state() == SocketState.LISTEN) {
			// a listener's accept queue is its Recv-Q; its backlog only sock_diag gives
			// (idiag_wqueue, ss -ltn's Send-Q), procfs not: 0 there, unknown
			Long backlog = (socket.details() != null) ? socket.details().backlog() : null;
			this.listeners.add(new Listener(socket.localAddress().toString() + ":" + socket.localPort(),
					socket.localPort(), socket.recvQ(), (backlog != null) ? backlog : 0));
			return;
		}
		this.byRemote.computeIfAbsent(socket.remoteAddress(),
				(ip) -> new long[SocketState.values().length])[socket.state().ordinal()]++;
		this.connections++;
		if (socket.state() == SocketState.SYN_RECV) {
			this.synRecv++;
		}
	}

	@Override
	public SourceTally result(Skipped skipped) {
		this.skipped = skipped;
		return this;
	}

	Skipped skipped() {
		return this.skipped;
	}

	/**
	 * A listening socket and its accept queue.
	 *
	 * @param endpoint its address and port
	 * @param port its port
	 * @param queue connections waiting to be accepted
	 * @param backlog how many its {@code listen()} allows (0 where procfs does not say)
	 */
	record Listener(String endpoint, int port, long queue, long backlog) {

	}

}
