package io.netstatd.kernel.socket.netlink;

import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.netstatd.TestSockets;
import io.netstatd.ThreadPools;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.PortFilter;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.report.Skipped;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same live sockets read through netlink and through procfs: identical rows. Skipped
 * where this process may not open a sock_diag socket.
 */
class SourceAgreementTests {

	static final TestSockets sockets = new TestSockets();

	static final ProcfsSocketRepository procfs = new ProcfsSocketRepository(Path.of("/proc"));

	static NetlinkSocketSource netlink;

	static Set<Integer> tcpPorts;

	static Set<Integer> udpPorts;

	/** The receivers of dumps read ahead, as the service makes them. */
	static final ThreadPoolTaskExecutor dumps = new ThreadPools().dumps();

	/** Why the suite cannot run here, or null. */
	static String unavailable;

	@BeforeAll
	static void openSockets() throws Exception {
		try {
			dumps.initialize();
			netlink = new NetlinkSocketSource(procfs, dumps);
		}
		catch (NetlinkException ex) {
			unavailable = "netlink sock_diag is not available here: " + ex.getMessage();
			return;
		}
		ServerSocketChannel ipv4 = sockets.listen("127.0.0.1");
		sockets.connect("127.0.0.21", ipv4, "127.0.0.1").write(java.nio.ByteBuffer.wrap("unread".getBytes()));
		sockets.connect("127.0.0.22", ipv4, "127.0.0.1");
		ServerSocketChannel ipv6 = sockets.listen("::1");
		sockets.connect("::1", ipv6, "::1");
		ServerSocketChannel dual = sockets.listenDualStack("127.0.0.1");
		sockets.connect("127.0.0.23", dual, "127.0.0.1");
		var udp = sockets.udp("127.0.0.1", null);
		var udpClient = sockets.udp("127.0.0.24", udp);
		udpClient.write(java.nio.ByteBuffer.wrap("unread datagram".getBytes()));
		var udp6 = sockets.udp("::1", null);
		tcpPorts = Set.of(TestSockets.port(ipv4), TestSockets.port(ipv6), TestSockets.port(dual));
		udpPorts = Set.of(TestSockets.port(udp), TestSockets.port(udpClient), TestSockets.port(udp6));
		Thread.sleep(50);
	}

	@BeforeEach
	void needsWhatTheSuiteNeeds() {
		// each test is skipped, saying why, rather than the class vanishing from the
		// count
		assumeTrue(unavailable == null, unavailable);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "'tcp', true", "'tcp,tcp6,udp,udp6', true", "'udplite', false", "'tcp,raw', false", "'raw6', false" })
	void saysWhichTablesItReadsWithoutSkippingALine(String tables, boolean skipsNone) {
		Set<Protocol> protocols = Arrays.stream(tables.split(","))
			.map((label) -> Protocol.valueOf(label.toUpperCase(Locale.ROOT)))
			.collect(Collectors.toSet());

		assertThat(netlink.skipsNoLines(protocols)).isEqualTo(skipsNone);
		// procfs text can always hold a malformed line
		assertThat(procfs.skipsNoLines(protocols)).isFalse();
	}

	@AfterAll
	static void closeSockets() throws Exception {
		sockets.close();
	}

	@Test
	void bothSourcesGiveIdenticalRows() {
		Set<Protocol> all = EnumSet.allOf(Protocol.class);

		// compared on procfs's columns: only sock_diag has cookies and cgroups
		List<InetSocket> fromNetlink = ours(netlink.read(all, Set.of()).rows()).stream()
			.map(InetSocket::columns)
			.toList();
		List<InetSocket> fromProcfs = ours(procfs.read(all, Set.of()).rows());

		assertThat(fromNetlink).hasSize(14).isEqualTo(fromProcfs);
		// the unread bytes: 6 on a TCP connection, a datagram's memory on the UDP socket
		assertThat(fromNetlink).extracting(InetSocket::recvQ).contains(6L).filteredOn((q) -> q > 6).hasSize(1);
	}

	@Test
	void netlinkLeavesOutStatesNotAskedForInTheKernel() {
		List<InetSocket> listeners = ours(
				netlink.read(EnumSet.of(Protocol.TCP, Protocol.TCP6), Set.of(SocketState.LISTEN)).rows());

		assertThat(listeners).hasSize(3).allSatisfy((s) -> assertThat(s.state()).isEqualTo(SocketState.LISTEN));
	}

	@Test
	void netlinkLeavesOutPortsNotAskedForInTheKernel() {
		Set<Protocol> all = EnumSet.allOf(Protocol.class);
		List<InetSocket> every = netlink.read(all, Set.of()).rows();
		for (int port : tcpPorts) {
			PortSet one = new PortSet(List.of(new PortRange(port, port)));
			for (PortFilter filter : List.of(new PortFilter(null, one, null), new PortFilter(null, null, one),
					new PortFilter(one, null, null))) {
				SocketSelection selection = SocketSelection.of(all)
					.withPorts(filter.either(), filter.local(), filter.remote());
				List<InetSocket> filtered = netlink.read(all, Set.of(), Set.of(), filter).rows();

				// the kernel sent only the port's sockets: the selection has nothing to
				// remove, and nothing of them is missing
				assertThat(filtered).isNotEmpty().allMatch(selection);
				assertThat(ours(filtered).stream().map(InetSocket::columns).toList())
					.isEqualTo(ours(every.stream().filter(selection).map(InetSocket::columns).toList()));
			}
		}
	}

	@Test
	void netlinkStreamsTheRowsItLists() {
		Set<Protocol> all = EnumSet.allOf(Protocol.class);
		PortSet ipv4 = new PortSet(List.of(new PortRange(tcpPorts.iterator().next(), tcpPorts.iterator().next())));
		for (PortFilter filter : List.of(PortFilter.NONE, new PortFilter(ipv4, null, null))) {
			List<InetSocket> streamed = new ArrayList<>();
			Skipped skipped = netlink.each(all, Set.of(), Set.of(), filter, streamed::add);
			List<InetSocket> ahead = new ArrayList<>();
			Skipped skippedAhead = netlink.eachAhead(all, Set.of(), Set.of(), filter, ahead::add);

			// the same rows, cookies and all, in the same order: one dump each, and a
			// socket of ours is not going anywhere in between
			assertThat(skipped).isEqualTo(Skipped.NONE);
			assertThat(skippedAhead).isEqualTo(Skipped.NONE);
			List<InetSocket> read = ours(netlink.read(all, Set.of(), Set.of(), filter).rows());
			assertThat(ours(streamed)).isNotEmpty().isEqualTo(read);
			assertThat(ours(ahead)).isEqualTo(read);
		}
	}

	@Test
	void aDumpReceivedAheadStopsWithTheSinkThatStops() throws Exception {
		// 200 connections with tcp_info: several buffers, so the receiver is ahead when
		// the sink stops at its tenth socket
		try (TestSockets many = new TestSockets()) {
			ServerSocketChannel server = many.listen("127.0.0.1");
			for (int i = 0; i < 200; i++) {
				many.connect("127.0.0.25", server, "127.0.0.1");
			}
			long descriptors = openDescriptors();
			int[] given = new int[1];
			IllegalStateException stopped = new IllegalStateException("the client is gone");

			assertThatThrownBy(() -> netlink.eachAhead(EnumSet.of(Protocol.TCP), Set.of(), Set.of(SocketDetail.INFO),
					PortFilter.NONE, (socket) -> {
						if (++given[0] == 10) {
							throw stopped;
						}
					}))
				.isSameAs(stopped);
			assertThat(given[0]).isEqualTo(10);
			// the receiver has ended and the netlink socket is closed: no more
			// descriptors
			// than before (the JVM's other contexts may close some of theirs meanwhile,
			// as
			// their idle connections and readers end)
			assertThat(openDescriptors()).isLessThanOrEqualTo(descriptors);
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dumps.getActiveCount() == 0);
			// and the next dump is whole
			List<InetSocket> next = new ArrayList<>();
			netlink.eachAhead(EnumSet.of(Protocol.TCP), Set.of(), Set.of(SocketDetail.INFO), PortFilter.NONE,
					next::add);
			assertThat(next)
				.filteredOn((socket) -> socket.localPort() == TestSockets.port(server)
						|| socket.remotePort() == TestSockets.port(server))
				.hasSize(401);
		}
	}

	private static long openDescriptors() throws Exception {
		try (var fds = Files.list(Path.of("/proc/self/fd"))) {
			return fds.count();
		}
	}

	/** This test's sockets, in one order whatever the source's. */
	private static List<InetSocket> ours(List<InetSocket> sockets) {
		return sockets.stream().filter((s) -> {
			// port numbers are per protocol: a TCP row on a number one of our UDP sockets
			// has is not ours
			Set<Integer> ports = s.protocol().tcp() ? tcpPorts : udpPorts;
			return ports.contains(s.localPort()) || ports.contains(s.remotePort());
		})
			.sorted(Comparator.comparing(InetSocket::protocol)
				.thenComparing(InetSocket::localAddress)
				.thenComparingInt(InetSocket::localPort)
				.thenComparing(InetSocket::remoteAddress)
				.thenComparingInt(InetSocket::remotePort)
				.thenComparingLong(InetSocket::inode))
			.toList();
	}

}
