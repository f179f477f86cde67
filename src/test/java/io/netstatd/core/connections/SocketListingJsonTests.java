package io.netstatd.core.connections;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.names.Resolution;
import io.netstatd.kernel.names.SocketNames;
import io.netstatd.kernel.process.ProcessScan;
import io.netstatd.kernel.process.SocketProcess;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketMemory;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.kernel.socket.netlink.InetDiagParser;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketListingJson} writes what the records' own bean serialization writes, byte
 * for byte: over the rows of a captured sock_diag dump (with {@code tcp_info}), and over
 * rows carrying every optional part a request can add.
 */
class SocketListingJsonTests {

	private static final JsonMapper beans = JsonMapper.builder().build();

	private static final JsonMapper written = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(SocketListing.class, new SocketListingJson())
			.addSerializer(StreamedSocket.class, new StreamedSocketJson()))
		.build();

	@Test
	void writesTheRowsOfACapturedDumpAsTheRecordsWould() throws IOException {
		List<InetSocket> sockets = new ArrayList<>();
		byte[] dump = resource("/netlink/tcp-info-dump.bin");
		InetDiagParser.parse(ByteBuffer.wrap(dump), dump.length, Protocol.TCP, sockets);
		assertThat(sockets).hasSizeGreaterThan(2);
		List<ListedSocket> rows = sockets.stream()
			.map((socket) -> new ListedSocket(socket, "root", null, null, null, "/system.slice/ssh.service", null))
			.toList();

		assertSame(new SocketListing(rows.size(), rows.size(), rows, null, Skipped.NONE, null, null));
	}

	@Test
	void writesEveryOptionalPartAsTheRecordsWould() {
		List<ListedSocket> rows = new ArrayList<>();
		String[] addresses = { "0.0.0.0", "255.255.255.255", "10.0.0.1", "127.100.9.99", "192.168.10.200", "::", "::1",
				"fe80::1:2ff:fe03:405", "::ffff:10.1.2.3", "2001:db8::8:800:200c:417a" };
		SocketTimer.Kind[] kinds = SocketTimer.Kind.values();
		for (int i = 0; i < addresses.length; i++) {
			IpAddress address = IpAddress.parse(addresses[i]);
			Protocol protocol = address.ipv4() ? Protocol.TCP : Protocol.UDP6;
			SocketTimer timer = new SocketTimer(kinds[i % kinds.length], i * 1.27 - 3, i, i * 3L);
			InetSocket socket = new InetSocket(protocol, address, 1000 + i, IpAddress.parse(addresses[9 - i]), i * 7,
					SocketState.values()[i % SocketState.values().length], i * 100L, 4_294_967_295L + i, 1000 + i,
					4_000_000_000L + i, timer);
			if (i % 3 == 1) {
				socket = socket.withDetails(new SockDiagDetails(0xffff_ffff_ffffL * i, 42L, (i == 4) ? null : 7L + i,
						null, new SocketMemory(1L, 2L, null, 4L, 5L, 6L, 7L, 8L, (long) i)));
			}
			if (i % 3 == 2) {
				socket = socket.withDetails(new SockDiagDetails(i, null, null, null, null));
			}
			SocketNames names = (i % 2 == 0)
					? new SocketNames("localhost", (i == 2) ? null : "http", (i == 4) ? null : "peer.example", "5432")
					: null;
			List<SocketProcess> owners = (i % 4 == 0) ? List.of()
					: List.of(new SocketProcess(100 + i, "nginx \"x\"", (i == 3) ? "nginx: worker\nprocess" : null),
							new SocketProcess(7, "sshd", null));
			Container container = switch (i % 3) {
				case 0 -> new Container("0123abcd", "web", "uid-1", "web-7d4f9", "shop");
				case 1 -> new Container(null, null, "uid-2", "db-0", "data");
				default -> null;
			};
			rows.add(new ListedSocket(socket, (i % 5 == 0) ? null : "user" + i, names, (i == 9) ? null : owners,
					(i % 2 == 1) ? 4_026_531_840L + i : null, (i % 3 == 0) ? "/kubepods.slice/x.scope" : null,
					container));
		}
		List<ListedUnixSocket> unix = List.of(
				new ListedUnixSocket(
						new UnixSocket(UnixSocket.Type.STREAM, UnixSocket.State.LISTENING, true, 2L, 77, "/run/a.sock"),
						List.of(new SocketProcess(412, "sshd", null))),
				new ListedUnixSocket(
						new UnixSocket(UnixSocket.Type.DGRAM, UnixSocket.State.UNCONNECTED, false, null, 78, null),
						List.of()));
		Skipped skipped = Skipped.of(List.of(new SkippedLine("net/tcp", 3, "12 columns", "  0: garbage")));

		assertSame(new SocketListing(12, 10, rows, unix, skipped, new Resolution(false, 3),
				new ProcessScan(Map.of(), 69, 1)));
		assertSame(new SocketListing(0, 0, List.of(), null, Skipped.NONE, new Resolution(true, 0), null));
	}

	@Test
	void writesEveryCookieAsItsHexText() {
		// the kernel's cookies are u64: the top bit set is a negative long
		long[] cookies = { 0, 1, 0xf, 0x10, 0x0123_4567_89ab_cdefL, Long.MAX_VALUE, Long.MIN_VALUE, -1 };
		List<ListedSocket> rows = new ArrayList<>();
		for (long cookie : cookies) {
			InetSocket socket = new InetSocket(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80,
					IpAddress.parse("10.0.0.2"), 40000, SocketState.ESTABLISHED, 0, 0, 0, 7, SocketTimer.OFF)
				.withDetails(new SockDiagDetails(cookie, null, null, null, null));
			rows.add(new ListedSocket(socket, null, null, null, null, null, null));
		}

		assertSame(new SocketListing(rows.size(), rows.size(), rows, null, Skipped.NONE, null, null));
		assertThat(written
			.writeValueAsString(new SocketListing(rows.size(), rows.size(), rows, null, Skipped.NONE, null, null)))
			.contains("\"cookie\":\"0\"", "\"cookie\":\"123456789abcdef\"", "\"cookie\":\"8000000000000000\"",
					"\"cookie\":\"ffffffffffffffff\"");
	}

	/** A stream's event carries the row a list writes, by the same writer. */
	@Test
	void writesAStreamsEventsAsTheRecordsWould() throws IOException {
		List<InetSocket> sockets = new ArrayList<>();
		byte[] dump = resource("/netlink/tcp-info-dump.bin");
		InetDiagParser.parse(ByteBuffer.wrap(dump), dump.length, Protocol.TCP, sockets);
		ListedSocket row = new ListedSocket(sockets.get(0), null, null, null, 4026531840L, null, null);

		for (StreamedSocket event : List.of(new StreamedSocket("closed", row, "kernel", 2.5),
				new StreamedSocket("opened", ListedSocket.of(sockets.get(1)), "snapshot", null))) {
			assertThat(written.writeValueAsString(event)).isEqualTo(beans.writeValueAsString(event))
				.contains("\"source\"");
		}
	}

	private static void assertSame(SocketListing listing) {
		assertThat(written.writeValueAsString(listing)).isEqualTo(beans.writeValueAsString(listing));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = SocketListingJsonTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
