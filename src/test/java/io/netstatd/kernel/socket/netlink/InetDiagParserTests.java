package io.netstatd.kernel.socket.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sock_diag message parser over dumps captured from a Linux 6.18 x86-64 host while a
 * script held: an IPv4 listener on 127.0.0.1:18090 with a client from 127.0.0.2 that sent
 * 5 unread bytes; an IPv6 listener on [::1]:18091; an IPv6 listener bound to
 * ::ffff:127.0.0.1:18092 with a client from 127.0.0.4. The rest are the host's own
 * sockets.
 */
class InetDiagParserTests {

	private static final IpAddress LOCALHOST = IpAddress.ipv4(0x7f00_0001);

	@Test
	void parsesACapturedIpv4DumpToTheEnd() throws IOException {
		List<InetSocket> sockets = new ArrayList<>();

		InetDiagParser.Outcome outcome = parse("tcp-dump.bin", Protocol.TCP, sockets);

		assertThat(outcome).isEqualTo(InetDiagParser.Outcome.DONE);
		assertThat(sockets).hasSize(20);
		assertThat(sockets.get(1).columns()).isEqualTo(new InetSocket(Protocol.TCP, LOCALHOST, 18090,
				IpAddress.IPV4_ANY, 0, SocketState.LISTEN, 0, 0, 0, 209143, SocketTimer.OFF));
		// the listener's backlog beside its columns (idiag_wqueue), Send-Q 0 as procfs
		// has it
		assertThat(sockets.get(1).details().backlog()).isEqualTo(8L);
		assertThat(sockets.get(0).details().backlog()).isEqualTo(128L);
		assertThat(sockets.get(3).details().backlog()).isNull();
		assertThat(sockets.get(3).columns()).isEqualTo(new InetSocket(Protocol.TCP, LOCALHOST, 18090,
				IpAddress.ipv4(0x7f00_0002), 35171, SocketState.ESTABLISHED, 5, 0, 0, 209145, SocketTimer.OFF));
		assertThat(sockets).filteredOn((s) -> s.state() == SocketState.TIME_WAIT)
			.hasSize(15)
			.allSatisfy((s) -> assertThat(s.inode()).isZero())
			.allSatisfy((s) -> assertThat(s.timer().kind()).isEqualTo(SocketTimer.Kind.TIMEWAIT));
		// every row carries its cookie and cgroup; no tcp_info was asked for
		assertThat(sockets).allSatisfy((s) -> assertThat(s.details().tcpInfo()).isNull());
		assertThat(sockets.get(1).details().cookieText()).isEqualTo("14071");
		assertThat(sockets.get(1).details().cgroupId()).isEqualTo(1L);
		// idiag_expires 46,92x ms: cut to the 1/100 s procfs prints
		assertThat(sockets.get(2).timer()).isEqualTo(new SocketTimer(SocketTimer.Kind.TIMEWAIT, 46.92, 0, 0));
	}

	@Test
	void unmapsIpv4MappedAddressesInIpv6Dumps() throws IOException {
		List<InetSocket> sockets = new ArrayList<>();

		parse("tcp6-dump.bin", Protocol.TCP6, sockets);

		assertThat(sockets.get(0).columns()).isEqualTo(new InetSocket(Protocol.TCP6, IpAddress.ipv6(0, 1), 18091,
				IpAddress.IPV6_ANY, 0, SocketState.LISTEN, 0, 0, 0, 209146, SocketTimer.OFF));
		assertThat(sockets.get(1).columns()).isEqualTo(new InetSocket(Protocol.TCP6, LOCALHOST, 18092,
				IpAddress.IPV6_ANY, 0, SocketState.LISTEN, 0, 0, 0, 209147, SocketTimer.OFF));
		assertThat(sockets.get(4).columns()).isEqualTo(new InetSocket(Protocol.TCP6, LOCALHOST, 18092,
				IpAddress.ipv4(0x7f00_0004), 39049, SocketState.ESTABLISHED, 0, 0, 0, 209149, SocketTimer.OFF));
	}

	@Test
	void asksForMoreWhenABufferEndsBeforeDone() throws IOException {
		byte[] dump = resource("tcp-dump.bin");
		int firstMessage = ByteBuffer.wrap(dump).order(ByteOrder.nativeOrder()).getInt(0);
		List<InetSocket> sockets = new ArrayList<>();

		InetDiagParser.Outcome outcome = InetDiagParser.parse(ByteBuffer.wrap(dump), firstMessage, Protocol.TCP,
				sockets);

		assertThat(outcome).isEqualTo(InetDiagParser.Outcome.MORE);
		assertThat(sockets).extracting(InetSocket::localPort).containsExactly(2024);
	}

	@Test
	void reportsTheKernelsError() {
		// nlmsghdr of type NLMSG_ERROR, then -ENOENT: no such diag handler (udp_diag not
		// loaded)
		ByteBuffer error = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
		error.putInt(36).putShort((short) 2).putShort((short) 0).putInt(1).putInt(0).putInt(-2);

		assertThatExceptionOfType(NetlinkException.class)
			.isThrownBy(() -> InetDiagParser.parse(error, 36, Protocol.UDP, new ArrayList<>()))
			.withMessage("sock_diag answered errno 2")
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(2));
	}

	@Test
	void rejectsAMessageCutShort() throws IOException {
		byte[] dump = resource("tcp-dump.bin");

		assertThatExceptionOfType(NetlinkException.class)
			.isThrownBy(() -> InetDiagParser.parse(ByteBuffer.wrap(dump), 50, Protocol.TCP, new ArrayList<>()))
			.withMessageStartingWith("truncated netlink message");
	}

	@Test
	void readsRetransmitsOrProbesFromIdiagRetransAsTheTimerSays() {
		assertThat(InetDiagParser.timer(1, 2, 200)).isEqualTo(new SocketTimer(SocketTimer.Kind.ON, 0.2, 2, 0));
		assertThat(InetDiagParser.timer(2, 3, 7219)).isEqualTo(new SocketTimer(SocketTimer.Kind.KEEPALIVE, 7.21, 0, 3));
		assertThat(InetDiagParser.timer(4, 1, 1500)).isEqualTo(new SocketTimer(SocketTimer.Kind.PROBE, 1.5, 0, 1));
		assertThat(InetDiagParser.timer(0, 0, 0)).isSameAs(SocketTimer.OFF);
		assertThat(InetDiagParser.timer(9, 0, 10).kind()).isEqualTo(SocketTimer.Kind.UNKNOWN);
	}

	@Test
	void filtersTcpStatesInTheKernel() {
		assertThat(NetlinkSocketSource.stateMask(Protocol.TCP, Set.of(SocketState.LISTEN))).isEqualTo(1 << 10);
		assertThat(NetlinkSocketSource.stateMask(Protocol.TCP6,
				EnumSet.of(SocketState.ESTABLISHED, SocketState.TIME_WAIT)))
			.isEqualTo((1 << 1) | (1 << 6));
		assertThat(NetlinkSocketSource.stateMask(Protocol.TCP, Set.of())).isEqualTo(0xffe);
		assertThat(NetlinkSocketSource.stateMask(Protocol.TCP, Set.of(SocketState.UNKNOWN))).isEqualTo(0xffe);
		assertThat(NetlinkSocketSource.stateMask(Protocol.UDP, Set.of(SocketState.UNCONN))).isEqualTo(0xffffffff);
	}

	private static InetDiagParser.Outcome parse(String fixture, Protocol protocol, List<InetSocket> sockets)
			throws IOException {
		byte[] dump = resource(fixture);
		return InetDiagParser.parse(ByteBuffer.wrap(dump), dump.length, protocol, sockets);
	}

	private static byte[] resource(String fixture) throws IOException {
		try (InputStream in = InetDiagParserTests.class.getResourceAsStream("/netlink/" + fixture)) {
			return in.readAllBytes();
		}
	}

}
