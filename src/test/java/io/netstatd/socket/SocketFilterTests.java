package io.netstatd.socket;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketFilterTests {

	private static final IpAddress HOST = IpAddress.ipv4(0x7f00_0001);

	private static final Set<Protocol> ALL = EnumSet.allOf(Protocol.class);

	@Test
	void matchesAPortOnEitherSide() {
		SocketFilter port80 = new SocketFilter(ALL, Set.of(), new PortRange(80, 80), null, null, null, null, false);

		assertThat(port80).accepts(tcp(80, 40000, SocketState.ESTABLISHED), tcp(40000, 80, SocketState.ESTABLISHED))
			.rejects(tcp(8080, 40000, SocketState.ESTABLISHED), tcp(40000, 8080, SocketState.ESTABLISHED));
	}

	@Test
	void matchesLocalAndRemotePortsApart() {
		SocketFilter local80 = new SocketFilter(ALL, Set.of(), null, new PortRange(80, 80), null, null, null, false);
		SocketFilter remote80 = new SocketFilter(ALL, Set.of(), null, null, new PortRange(80, 80), null, null, false);

		assertThat(local80).accepts(tcp(80, 40000, SocketState.ESTABLISHED))
			.rejects(tcp(40000, 80, SocketState.ESTABLISHED));
		assertThat(remote80).accepts(tcp(40000, 80, SocketState.ESTABLISHED))
			.rejects(tcp(80, 40000, SocketState.ESTABLISHED));
	}

	@Test
	void keepsListenersOnlyWhenAsked() {
		SocketFilter listening = new SocketFilter(ALL, Set.of(), null, null, null, null, null, true);
		InetSocket unconnectedUdp = new InetSocket(Protocol.UDP, HOST, 53, IpAddress.IPV4_ANY, 0, SocketState.UNCONN, 0,
				0, 0, 1, SocketTimer.OFF);
		InetSocket connectedUdp = new InetSocket(Protocol.UDP, HOST, 5353, HOST, 53, SocketState.ESTABLISHED, 0, 0, 0,
				2, SocketTimer.OFF);

		assertThat(listening).accepts(tcp(80, 0, SocketState.LISTEN), unconnectedUdp)
			.rejects(tcp(80, 40000, SocketState.ESTABLISHED), connectedUdp);
	}

	@Test
	void asksTheKernelForListenersOnlyWhenOnlyListenersAreWanted() {
		assertThat(new SocketFilter(ALL, Set.of(), null, null, null, null, null, true).kernelStates())
			.containsExactly(SocketState.LISTEN);
		assertThat(new SocketFilter(ALL, Set.of(), null, null, null, null, null, false).kernelStates()).isEmpty();
		assertThat(new SocketFilter(ALL, Set.of(SocketState.TIME_WAIT), null, null, null, null, null, false)
			.kernelStates()).containsExactly(SocketState.TIME_WAIT);
	}

	private static InetSocket tcp(int localPort, int remotePort, SocketState state) {
		IpAddress remote = (remotePort == 0) ? IpAddress.IPV4_ANY : HOST;
		return new InetSocket(Protocol.TCP, HOST, localPort, remote, remotePort, state, 0, 0, 0, 1, SocketTimer.OFF);
	}

}
