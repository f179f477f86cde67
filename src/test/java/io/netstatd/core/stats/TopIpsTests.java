package io.netstatd.core.stats;

import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopIpsTests {

	@Test
	void countsByRemoteAddressLargestFirstThenAsSortRnBreaksTies() {
		List<InetSocket> connections = new ArrayList<>();
		addFrom(connections, Protocol.TCP, IpAddress.ipv4(0xcb00_7107), 3);
		addFrom(connections, Protocol.TCP6, IpAddress.ipv6(0x2001_0db8_0000_0000L, 1), 2);
		addFrom(connections, Protocol.TCP, IpAddress.ipv4(0x0a00_0005), 2);
		addFrom(connections, Protocol.TCP, IpAddress.ipv4(0x0a00_0001), 1);

		TopIps top = TopIps.of(80, connections, 3, Skipped.of(List.of()));

		assertThat(top.port()).isEqualTo(80);
		assertThat(top.total()).isEqualTo(8);
		assertThat(top.ips()).extracting((c) -> c.ip() + "=" + c.count())
			// sort -rn: at a tie, the address whose text sorts last in bytes first
			.containsExactly("203.0.113.7=3", "2001:db8::1=2", "10.0.0.5=2");
	}

	@Test
	void countsIpv4MappedPeersWithPlainIpv4() {
		List<InetSocket> connections = new ArrayList<>();
		addFrom(connections, Protocol.TCP, IpAddress.ipv4(0x0a00_0005), 1);
		addFrom(connections, Protocol.TCP6, IpAddress.ipv6(0, 0x0000_ffff_0a00_0005L), 1);

		TopIps top = TopIps.of(null, connections, 20, Skipped.of(List.of()));

		assertThat(top.ips()).singleElement().isEqualTo(new TopIps.IpCount(IpAddress.ipv4(0x0a00_0005), 2));
	}

	private static void addFrom(List<InetSocket> connections, Protocol protocol, IpAddress remote, int times) {
		for (int i = 0; i < times; i++) {
			connections.add(new InetSocket(protocol, IpAddress.ipv4(0x7f00_0001), 80, remote, 40000 + i,
					SocketState.ESTABLISHED, 0, 0, 0, 100 + i, SocketTimer.OFF));
		}
	}

}
