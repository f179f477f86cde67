package io.netstatd.kernel.socket.procfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socket table parser over captured fixtures, one per trap of the format. The
 * captures come from an x86-64 host, so they are parsed as little-endian wherever this
 * runs.
 */
class NetIpSocketParserTests {

	private static final IpAddress LOCALHOST = ip(127, 0, 0, 1);

	@Test
	void parsesIpv4ListenerWithHostOrderWords() {
		Parsed<InetSocket> table = parse("golden/net/tcp", Protocol.TCP);

		assertThat(table.skipped().lines()).isEmpty();
		assertThat(table.rows()).hasSize(14);
		// 0100007F:46A0 is 127.0.0.1:18080 on little-endian x86
		assertThat(table.rows().get(1)).isEqualTo(new InetSocket(Protocol.TCP, LOCALHOST, 18080, IpAddress.IPV4_ANY, 0,
				SocketState.LISTEN, 0, 0, 0, 6564, SocketTimer.OFF));
	}

	@Test
	void readsRecvQueueFromTheSecondHalfOfTheQueueColumn() {
		// "00000000:00000005": tx_queue first, rx_queue second; 5 unread bytes
		InetSocket server = parse("golden/net/tcp", Protocol.TCP).rows().get(3);

		assertThat(server).isEqualTo(new InetSocket(Protocol.TCP, LOCALHOST, 18080, ip(127, 0, 0, 2), 43391,
				SocketState.ESTABLISHED, 5, 0, 0, 6566, SocketTimer.OFF));
	}

	@Test
	void readsTwelveColumnTimeWaitRows() {
		Parsed<InetSocket> table = parse("traps/tcp-timewait-12-columns", Protocol.TCP);

		assertThat(table.skipped().lines()).isEmpty();
		assertThat(table.rows()).containsExactly(new InetSocket(Protocol.TCP, LOCALHOST, 18080, ip(127, 0, 0, 3), 55123,
				SocketState.TIME_WAIT, 0, 0, 0, 0, new SocketTimer(SocketTimer.Kind.TIMEWAIT, 54.70, 0, 0)));
	}

	@Test
	void writesIpv4MappedAddressesAsIpv4AndKeepsTcp6() {
		Parsed<InetSocket> table = parse("traps/tcp6-ipv4-mapped", Protocol.TCP6);

		assertThat(table.rows()).containsExactly(new InetSocket(Protocol.TCP6, LOCALHOST, 18082, ip(127, 0, 0, 4),
				48529, SocketState.ESTABLISHED, 0, 0, 0, 6574, SocketTimer.OFF));
	}

	@Test
	void parsesIpv6LoopbackAndWildcard() {
		List<InetSocket> sockets = parse("golden/net/tcp6", Protocol.TCP6).rows();

		assertThat(sockets.get(0).localAddress()).hasToString("::1");
		assertThat(sockets.get(0).localPort()).isEqualTo(18081);
		assertThat(sockets.get(1).localAddress()).isEqualTo(IpAddress.IPV6_ANY).hasToString("::");
	}

	@Test
	void namesUdpStatesAsSsDoes() {
		Parsed<InetSocket> table = parse("traps/udp-connected-and-not", Protocol.UDP);

		// 13 columns; state 07 is an unbound peer (UNCONN), 01 a connected socket
		assertThat(table.rows()).containsExactly(
				new InetSocket(Protocol.UDP, LOCALHOST, 18083, IpAddress.IPV4_ANY, 0, SocketState.UNCONN, 0x340, 0, 0,
						6575, SocketTimer.OFF),
				new InetSocket(Protocol.UDP, ip(127, 0, 0, 5), 18084, LOCALHOST, 18083, SocketState.ESTABLISHED, 0, 0,
						0, 6576, SocketTimer.OFF));
	}

	@Test
	void readsRawTablesWithTheIpProtocolAsLocalPort() {
		// a raw ICMP socket on 127.0.0.1 and a raw ICMPv6 (58) one on ::1
		assertThat(parse("traps/raw", Protocol.RAW).rows()).containsExactly(new InetSocket(Protocol.RAW, LOCALHOST, 1,
				IpAddress.IPV4_ANY, 0, SocketState.UNCONN, 0, 0, 0, 1848706, SocketTimer.OFF));
		assertThat(parse("traps/raw6", Protocol.RAW6).rows())
			.containsExactly(new InetSocket(Protocol.RAW6, IpAddress.ipv6(0, 1), 58, IpAddress.IPV6_ANY, 0,
					SocketState.UNCONN, 0, 0, 0, 1848707, SocketTimer.OFF));
	}

	@Test
	void readsUdpLiteTablesAsUdp() {
		assertThat(parse("traps/udplite", Protocol.UDPLITE).rows()).containsExactly(new InetSocket(Protocol.UDPLITE,
				LOCALHOST, 18093, IpAddress.IPV4_ANY, 0, SocketState.UNCONN, 0, 0, 0, 1848708, SocketTimer.OFF));
	}

	@Test
	void mapsUnknownStateCodesToUnknown() {
		Parsed<InetSocket> table = parse("traps/tcp-unknown-state", Protocol.TCP);

		assertThat(table.skipped().lines()).isEmpty();
		assertThat(table.rows()).singleElement().extracting(InetSocket::state).isEqualTo(SocketState.UNKNOWN);
	}

	@Test
	void skipsAndReportsMalformedLinesAndKeepsTheGoodOnes() {
		Parsed<InetSocket> table = parse("traps/tcp-malformed", Protocol.TCP);

		assertThat(table.rows()).extracting(InetSocket::localPort).containsExactly(2024, 18080);
		assertThat(table.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(3,
							"column 2 (local_address): expected 8 hex digits, a colon, 4 hex digits"),
					org.assertj.core.groups.Tuple.tuple(4, "expected at least 10 columns, found 4"),
					org.assertj.core.groups.Tuple.tuple(5, "column 8 (uid): expected an unsigned 32-bit number"),
					org.assertj.core.groups.Tuple.tuple(6, "column 10 (inode): expected an unsigned number below 2^63"),
					org.assertj.core.groups.Tuple.tuple(7, "expected at least 10 columns, found 1"),
					org.assertj.core.groups.Tuple.tuple(9, "expected at least 10 columns, found 6"));
		assertThat(table.skipped().lines()).allSatisfy((line) -> assertThat(line.file()).isEqualTo("fixture"));
		assertThat(table.skipped().lines().get(1).text()).isEqualTo("4: 0100007F:46A0 00000000:0000 0A");
	}

	@Test
	void rejectsIpv4WidthAddressesInTheIpv6Table() {
		Parsed<InetSocket> table = parse("traps/tcp-timewait-12-columns", Protocol.TCP6);

		assertThat(table.rows()).isEmpty();
		assertThat(table.skipped().lines()).singleElement()
			.extracting(SkippedLine::reason)
			.isEqualTo("column 2 (local_address): expected 32 hex digits, a colon, 4 hex digits");
	}

	@ParameterizedTest
	@CsvSource({ "LITTLE_ENDIAN, 127.0.0.1", "BIG_ENDIAN, 1.0.0.127" })
	void decodesAddressWordsInTheGivenByteOrder(String order, String expected) {
		byte[] line = "   0: 0100007F:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1\n"
			.getBytes(StandardCharsets.US_ASCII);
		ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;

		Parsed<InetSocket> table = NetIpSocketParser.parse(new ProcFile("fixture", line, line.length), Protocol.TCP,
				byteOrder);

		assertThat(table.rows()).singleElement().satisfies((socket) -> {
			assertThat(socket.localAddress()).hasToString(expected);
			assertThat(socket.localPort()).isEqualTo(80);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			00:00000000 00000000 0 | OFF       | 0     | 0 | 0
			01:00000014 00000002 0 | ON        | 0.2   | 2 | 0
			02:000002D1 00000000 3 | KEEPALIVE | 7.21  | 0 | 3
			03:0000155E 00000000 0 | TIMEWAIT  | 54.7  | 0 | 0
			04:00000064 00000000 1 | PROBE     | 1.0   | 0 | 1
			07:00000001 00000000 0 | UNKNOWN   | 0.01  | 0 | 0
			""")
	void readsTimersInClockTicksOfOneHundredthSecond(String columns, SocketTimer.Kind kind, double seconds,
			long retransmits, long probes) {
		String[] parts = columns.split(" ");
		byte[] line = ("   0: 0100007F:0050 0200007F:9C40 01 00000000:00000000 " + parts[0] + " " + parts[1] + " 0 "
				+ parts[2] + " 1234 1\n")
			.getBytes(StandardCharsets.US_ASCII);

		Parsed<InetSocket> table = NetIpSocketParser.parse(new ProcFile("f", line, line.length), Protocol.TCP,
				ByteOrder.LITTLE_ENDIAN);

		assertThat(table.rows()).singleElement()
			.extracting(InetSocket::timer)
			.isEqualTo(new SocketTimer(kind, seconds, retransmits, probes));
	}

	@Test
	void readsNothingFromAnEmptyOrHeaderOnlyFile() {
		byte[] header = "  sl  local_address rem_address   st tx_queue\n".getBytes(StandardCharsets.US_ASCII);

		assertThat(NetIpSocketParser.parse(new ProcFile("f", new byte[0], 0), Protocol.TCP)).isEqualTo(tableOf());
		assertThat(NetIpSocketParser.parse(new ProcFile("f", header, header.length), Protocol.TCP))
			.isEqualTo(tableOf());
	}

	@Test
	void readsOnlyTheGivenLength() {
		byte[] data = resource("golden/net/tcp");
		int firstTwoLines = indexOfNth(data, '\n', 2) + 1;

		Parsed<InetSocket> table = NetIpSocketParser.parse(new ProcFile("f", data, firstTwoLines), Protocol.TCP,
				ByteOrder.LITTLE_ENDIAN);

		assertThat(table.rows()).extracting(InetSocket::localPort).containsExactly(2024);
	}

	private static Parsed<InetSocket> tableOf() {
		return new Parsed<InetSocket>(List.of(), Skipped.NONE);
	}

	static Parsed<InetSocket> parse(String fixture, Protocol protocol) {
		byte[] data = resource(fixture);
		return NetIpSocketParser.parse(new ProcFile("fixture", data, data.length), protocol, ByteOrder.LITTLE_ENDIAN);
	}

	static byte[] resource(String fixture) {
		try (InputStream in = NetIpSocketParserTests.class.getResourceAsStream("/procfs/" + fixture)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int indexOfNth(byte[] data, char c, int n) {
		for (int i = 0; i < data.length; i++) {
			if (data[i] == c && --n == 0) {
				return i;
			}
		}
		return -1;
	}

	static IpAddress ip(int a, int b, int c, int d) {
		return IpAddress.ipv4((a << 24) | (b << 16) | (c << 8) | d);
	}

}
