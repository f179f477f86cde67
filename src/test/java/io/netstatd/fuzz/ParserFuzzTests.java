package io.netstatd.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.kernel.socket.netlink.InetDiagParser;
import io.netstatd.kernel.socket.netlink.NetlinkException;
import io.netstatd.kernel.socket.netlink.UnixDiagParser;
import io.netstatd.kernel.socket.procfs.NetIpSocketParser;
import io.netstatd.kernel.socket.procfs.ProcNetUnixParser;
import io.netstatd.support.report.SkippedLine;
import io.netstatd.views.counters.CounterGroup;
import io.netstatd.views.counters.Counters;
import io.netstatd.views.counters.ProcNetSnmp6Parser;
import io.netstatd.views.counters.ProcNetSnmpParser;
import io.netstatd.views.counters.ProcNetSockstatParser;
import io.netstatd.views.interfaces.ProcNetDevParser;
import io.netstatd.views.masquerade.ProcNetNfConntrackParser;
import io.netstatd.views.multicast.ProcNetIgmp6Parser;
import io.netstatd.views.multicast.ProcNetIgmpParser;
import io.netstatd.views.routes.ProcNetIpv6RouteParser;
import io.netstatd.views.routes.ProcNetRouteParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parser driven with the captured fixtures mutated at random: bytes flipped, NULs,
 * control and non-UTF-8 bytes, columns cut, doubled or removed, digits past 32 and 64
 * bits, files cut mid-line. No exception but the documented one escapes, and every line
 * of a text table is either a socket or a reported skip. Seeded, so a failure replays; no
 * library, so it runs on whatever JUnit Boot ships.
 */
class ParserFuzzTests {

	private static final int ROUNDS = 2_000;

	private static final byte[][] NOISE = { { 0 }, { '\n' }, { '\r' }, { '\t' }, { ' ', ' ' }, { (byte) 0xff },
			{ (byte) 0xc3 }, { '-' }, { ':' }, "FFFFFFFFFFFFFFFFFFFF".getBytes(), "99999999999999999999".getBytes(),
			"4294967296".getBytes(), "G".getBytes(), "@".getBytes() };

	@ParameterizedTest
	@ValueSource(
			strings = { "golden/net/tcp", "golden/net/tcp6", "golden/net/udp", "traps/tcp-malformed", "traps/raw6" })
	void socketTablesNeverThrowAndAccountForEveryLine(String fixture) throws IOException {
		byte[] original = resource("/procfs/" + fixture);
		Protocol protocol = fixture.contains("6") ? Protocol.TCP6 : Protocol.TCP;
		Random random = new Random(fixture.hashCode());
		for (int round = 0; round < ROUNDS; round++) {
			byte[] mutated = mutate(original, random);

			Parsed<InetSocket> table = NetIpSocketParser.parse(new ProcFile("fuzz", mutated, mutated.length), protocol,
					ByteOrder.LITTLE_ENDIAN);

			assertThat(table.rows().size() + table.skipped().count()).as("round %d", round)
				.isEqualTo(dataLines(mutated, "sl"));
			assertThat(table.rows()).allSatisfy((socket) -> {
				assertThat(socket.localPort()).isBetween(0, 65535);
				assertThat(socket.uid()).isBetween(0L, 0xffff_ffffL);
				assertThat(socket.inode()).isNotNegative();
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "unix/net/unix" })
	void unixTablesNeverThrowAndAccountForEveryLine(String fixture) throws IOException {
		byte[] original = resource("/procfs/" + fixture);
		Random random = new Random(42);
		for (int round = 0; round < ROUNDS; round++) {
			byte[] mutated = mutate(original, random);

			Parsed<UnixSocket> table = ProcNetUnixParser.parse(new ProcFile("fuzz", mutated, mutated.length));

			assertThat(table.rows().size() + table.skipped().count()).as("round %d", round)
				.isEqualTo(dataLines(mutated, "Num "));
			assertThat(table.rows()).allSatisfy((socket) -> assertThat(
					socket.path() == null || socket.path().chars().noneMatch((c) -> c < 0x20 || c == 0x7f))
				.isTrue());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "golden/net/snmp", "golden/net/netstat", "golden/net/snmp6", "golden/net/sockstat",
			"counters/snmp-mismatched" })
	void counterFilesNeverThrowAndNumberWhatTheySkip(String fixture) throws IOException {
		byte[] original = resource("/procfs/" + fixture);
		Function<ProcFile, Parsed<CounterGroup>> parser = fixture.endsWith("snmp6") ? ProcNetSnmp6Parser::parse
				: fixture.endsWith("sockstat") ? ProcNetSockstatParser::parse : ProcNetSnmpParser::parse;
		Random random = new Random(fixture.hashCode());
		for (int round = 0; round < ROUNDS; round++) {
			byte[] mutated = mutate(original, random);
			String text = new String(mutated, java.nio.charset.StandardCharsets.UTF_8);

			Counters counters = Counters.of(parser.apply(ProcFile.of("fuzz", text)));

			int lines = (int) text.chars().filter((c) -> c == '\n').count() + 1;
			assertThat(counters.skipped().lines()).as("round %d", round)
				.allSatisfy((line) -> assertThat(line.lineNumber()).isBetween(1, lines));
			assertThat(counters.groups()).as("round %d", round)
				.allSatisfy((group, values) -> assertThat(group).isNotBlank().doesNotContain(" ", ":"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "golden/net/dev", "golden/net/route", "golden/net/ipv6_route", "golden/net/igmp",
			"golden/net/igmp6", "golden/net/nf_conntrack", "host/igmp-malformed", "conntrack/nf_conntrack-malformed" })
	void hostViewsNeverThrowAndNumberWhatTheySkip(String fixture) throws IOException {
		byte[] original = resource("/procfs/" + fixture);
		Random random = new Random(fixture.hashCode());
		for (int round = 0; round < ROUNDS; round++) {
			String text = new String(mutate(original, random), java.nio.charset.StandardCharsets.UTF_8);
			int lines = (int) text.chars().filter((c) -> c == '\n').count() + 1;

			List<SkippedLine> skipped = hostViewParser(fixture).apply(text);

			assertThat(skipped).as("round %d", round)
				.allSatisfy((line) -> assertThat(line.lineNumber()).isBetween(1, lines));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp-dump.bin", "tcp6-dump.bin", "unix-dump.bin" })
	void netlinkDumpsNeverThrowButTheirOwnException(String fixture) throws IOException {
		byte[] original = resource("/netlink/" + fixture);
		Random random = new Random(fixture.hashCode());
		for (int round = 0; round < ROUNDS; round++) {
			byte[] mutated = flip(original, random);
			try {
				if (fixture.startsWith("unix")) {
					List<UnixSocket> sockets = new ArrayList<>();
					UnixDiagParser.parse(ByteBuffer.wrap(mutated), mutated.length, sockets);
				}
				else {
					List<InetSocket> sockets = new ArrayList<>();
					InetDiagParser.parse(ByteBuffer.wrap(mutated), mutated.length, Protocol.TCP, sockets);
				}
			}
			catch (NetlinkException ex) {
				// the documented answer to a cut message or a kernel error
			}
		}
	}

	private static Function<String, List<SkippedLine>> hostViewParser(String fixture) {
		ByteOrder order = ByteOrder.LITTLE_ENDIAN;
		if (fixture.endsWith("dev")) {
			return (text) -> ProcNetDevParser.parse(ProcFile.of("dev", text)).skipped().lines();
		}
		if (fixture.endsWith("ipv6_route")) {
			return (text) -> ProcNetIpv6RouteParser.parse(ProcFile.of("ipv6_route", text)).skipped().lines();
		}
		if (fixture.endsWith("route")) {
			return (text) -> ProcNetRouteParser.parse(ProcFile.of("route", text), order).skipped().lines();
		}
		if (fixture.endsWith("igmp6")) {
			return (text) -> ProcNetIgmp6Parser.parse(ProcFile.of("igmp6", text)).skipped().lines();
		}
		if (fixture.contains("igmp")) {
			return (text) -> ProcNetIgmpParser.parse(ProcFile.of("igmp", text), order).skipped().lines();
		}
		return (text) -> ProcNetNfConntrackParser.parse(ProcFile.of("nf_conntrack", text)).skipped().lines();
	}

	/** One random damage: the kinds a moving or hostile /proc can produce. */
	private static byte[] mutate(byte[] data, Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> flip(data, random);
			case 1 -> insert(data, random.nextInt(data.length + 1), NOISE[random.nextInt(NOISE.length)]);
			case 2 -> Arrays.copyOf(data, random.nextInt(data.length + 1));
			case 3 -> cutSpan(data, random);
			case 4 -> {
				int at = random.nextInt(data.length);
				yield insert(data, at, Arrays.copyOfRange(data, at, Math.min(data.length, at + random.nextInt(40))));
			}
			default -> flip(insert(data, random.nextInt(data.length + 1), NOISE[random.nextInt(NOISE.length)]), random);
		};
	}

	private static byte[] flip(byte[] data, Random random) {
		byte[] copy = data.clone();
		for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
			copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
		}
		return copy;
	}

	private static byte[] cutSpan(byte[] data, Random random) {
		int from = random.nextInt(data.length);
		int to = Math.min(data.length, from + random.nextInt(60));
		byte[] cut = new byte[data.length - (to - from)];
		System.arraycopy(data, 0, cut, 0, from);
		System.arraycopy(data, to, cut, from, data.length - to);
		return cut;
	}

	private static byte[] insert(byte[] data, int at, byte[] bytes) {
		byte[] longer = new byte[data.length + bytes.length];
		System.arraycopy(data, 0, longer, 0, at);
		System.arraycopy(bytes, 0, longer, at, bytes.length);
		System.arraycopy(data, at, longer, at + bytes.length, data.length - at);
		return longer;
	}

	/**
	 * Lines that are neither the header nor blank, by each parser's documented rule: the
	 * socket tables' header is a first line whose first word, after spaces, tabs and CRs,
	 * is {@code sl}, and such whitespace alone is blank; {@code /proc/net/unix}'s is a
	 * first line starting {@code Num }, and only an empty line is blank.
	 */
	private static int dataLines(byte[] data, String headerWord) {
		boolean socketTable = headerWord.equals("sl");
		int count = 0;
		int lineNumber = 0;
		int start = 0;
		while (start < data.length) {
			int end = start;
			while (end < data.length && data[end] != '\n') {
				end++;
			}
			lineNumber++;
			String line = new String(data, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
			String trimmed = socketTable ? line.replaceFirst("^[ \t\r]+", "") : line;
			boolean header = lineNumber == 1 && trimmed.startsWith(socketTable ? "sl " : "Num ");
			boolean blank = socketTable ? trimmed.isEmpty() : line.isEmpty();
			if (!header && !blank) {
				count++;
			}
			start = end + 1;
		}
		return count;
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ParserFuzzTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
