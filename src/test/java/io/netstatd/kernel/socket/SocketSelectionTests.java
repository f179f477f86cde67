package io.netstatd.kernel.socket;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketSelectionTests {

	private static final IpAddress HOST = IpAddress.ipv4(0x7f00_0001);

	private static final Set<Protocol> ALL = EnumSet.allOf(Protocol.class);

	@Test
	void matchesAPortOnEitherSide() {
		SocketSelection port80 = SocketSelection.of(ALL).withPorts(ports(80), null, null);

		assertThat(port80).accepts(tcp(80, 40000, SocketState.ESTABLISHED), tcp(40000, 80, SocketState.ESTABLISHED))
			.rejects(tcp(8080, 40000, SocketState.ESTABLISHED), tcp(40000, 8080, SocketState.ESTABLISHED));
	}

	@Test
	void matchesLocalAndRemotePortsApart() {
		SocketSelection local80 = SocketSelection.of(ALL).withPorts(null, ports(80), null);
		SocketSelection remote80 = SocketSelection.of(ALL).withPorts(null, null, ports(80));

		assertThat(local80).accepts(tcp(80, 40000, SocketState.ESTABLISHED))
			.rejects(tcp(40000, 80, SocketState.ESTABLISHED));
		assertThat(remote80).accepts(tcp(40000, 80, SocketState.ESTABLISHED))
			.rejects(tcp(80, 40000, SocketState.ESTABLISHED));
	}

	@Test
	void keepsListenersOnlyWhenAsked() {
		SocketSelection listening = SocketSelection.of(ALL).listening();
		InetSocket unconnectedUdp = new InetSocket(Protocol.UDP, HOST, 53, IpAddress.IPV4_ANY, 0, SocketState.UNCONN, 0,
				0, 0, 1, SocketTimer.OFF);
		InetSocket connectedUdp = new InetSocket(Protocol.UDP, HOST, 5353, HOST, 53, SocketState.ESTABLISHED, 0, 0, 0,
				2, SocketTimer.OFF);

		assertThat(listening).accepts(tcp(80, 0, SocketState.LISTEN), unconnectedUdp)
			.rejects(tcp(80, 40000, SocketState.ESTABLISHED), connectedUdp);
	}

	@Test
	void asksTheKernelForListenersOnlyWhenOnlyListenersAreWanted() {
		assertThat(SocketSelection.of(ALL).listening().kernelStates()).containsExactly(SocketState.LISTEN);
		assertThat(SocketSelection.of(ALL).kernelStates()).isEmpty();
		assertThat(SocketSelection.of(ALL).inStates(Set.of(SocketState.TIME_WAIT)).kernelStates())
			.containsExactly(SocketState.TIME_WAIT);
	}

	@Test
	void matchesAnyPortOfAListOrRange() {
		SocketSelection web = SocketSelection.of(ALL)
			.withPorts(null, new PortSet(List.of(new PortRange(80, 80), new PortRange(8000, 8099))), null);

		assertThat(web)
			.accepts(tcp(80, 40000, SocketState.ESTABLISHED), tcp(8000, 40000, SocketState.ESTABLISHED),
					tcp(8099, 40000, SocketState.ESTABLISHED))
			.rejects(tcp(81, 40000, SocketState.ESTABLISHED), tcp(8100, 40000, SocketState.ESTABLISHED));
	}

	private static PortSet ports(int port) {
		return new PortSet(List.of(new PortRange(port, port)));
	}

	private static InetSocket tcp(int localPort, int remotePort, SocketState state) {
		IpAddress remote = (remotePort == 0) ? IpAddress.IPV4_ANY : HOST;
		return new InetSocket(Protocol.TCP, HOST, localPort, remote, remotePort, state, 0, 0, 0, 1, SocketTimer.OFF);
	}

}
