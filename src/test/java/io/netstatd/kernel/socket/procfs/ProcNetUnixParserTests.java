package io.netstatd.kernel.socket.procfs;

import java.nio.charset.StandardCharsets;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.kernel.socket.UnixSocket.State;
import io.netstatd.kernel.socket.UnixSocket.Type;
import io.netstatd.support.report.SkippedLine;
import io.netstatd.support.text.Printable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /proc/net/unix} captured while a script held: a stream listener on a path with
 * spaces and a client of it, an abstract stream listener, an abstract datagram socket
 * whose name holds control bytes (\x01, \x7f), an abstract seqpacket listener, and an
 * abstract socket named {@code forge\n0000000000000000: ... 424242 /run/forged.sock}: its
 * name spills a well-formed line for a socket that does not exist.
 */
class ProcNetUnixParserTests {

	@Test
	void keepsPathsWholeAbstractNamesWithAtAndControlBytesEscaped() {
		Parsed<UnixSocket> table = parse("procfs/unix/net/unix");

		assertThat(table.skipped().lines()).isEmpty();
		assertThat(table.rows()).contains(
				new UnixSocket(Type.STREAM, State.LISTENING, true, 2L, 1890982, "/tmp/netstatd test/a b.sock"),
				new UnixSocket(Type.STREAM, State.CONNECTED, false, 3L, 1890984, "/tmp/netstatd test/a b.sock"),
				new UnixSocket(Type.STREAM, State.CONNECTED, false, 3L, 1890983, null),
				new UnixSocket(Type.STREAM, State.LISTENING, true, 2L, 1890985, "@netstatd-abstract"),
				new UnixSocket(Type.SEQPACKET, State.LISTENING, true, 2L, 1890987, "@netstatd-seqpacket"),
				new UnixSocket(Type.DGRAM, State.UNCONNECTED, false, 2L, 1890986, "@netstatd\\x01ctl\\x7f"),
				new UnixSocket(Type.STREAM, State.UNCONNECTED, false, 2L, 1890988, "@forge"));
	}

	@Test
	void cannotTellACraftedSpilledLineFromARealOneAlone() {
		// why the live /proc is checked against sock_diag (UnixReconcilerTests)
		assertThat(parse("procfs/unix/net/unix").rows()).hasSize(10).extracting(UnixSocket::inode).contains(424242L);
	}

	@Test
	void reportsSpilledTailsThatLackTheShape() {
		byte[] data = ("Num       RefCount Protocol Flags    Type St Inode Path\n"
				+ "0000000020761168: 00000002 00000000 00010000 0001 01 1890985 @two\n" + "lines\n"
				+ "0000000020761169: 00000002 00000000 00000000 0002 01  77\n"
				+ "00000000207611: 00000002 00000000 00000000 0002 01 78\n"
				+ "0000000020761170: 00000002 00000001 00000000 0002 01 79\n"
				+ "0000000020761171: 00000002 00000000 00000000 0002 01 80  \n")
			.getBytes(StandardCharsets.UTF_8);

		Parsed<UnixSocket> table = ProcNetUnixParser.parse(new ProcFile("unix", data, data.length));

		assertThat(table.rows()).extracting(UnixSocket::inode).containsExactly(1890985L, 77L, 80L);
		assertThat(table.rows().get(2).path()).isEqualTo(" ");
		assertThat(table.skipped().lines()).extracting(SkippedLine::lineNumber).containsExactly(3, 5, 6);
		assertThat(table.skipped().lines().get(0).reason())
			.isEqualTo("column 1 (Num): expected a kernel address and a colon");
	}

	@Test
	void escapesEveryByteThatCouldPassForAnother() {
		byte[] raw = { 0, 'a', ' ', 'b', '\\', 1, (byte) 0xc3, (byte) 0xa9, (byte) 0xff, '\t' };

		assertThat(Printable.bytes(raw, 0, raw.length)).isEqualTo("@a b\\\\\\x01é\\xff\\x09");
	}

	private static Parsed<UnixSocket> parse(String fixture) {
		byte[] data = NetIpSocketParserTests.resource(fixture.substring("procfs/".length()));
		return ProcNetUnixParser.parse(new ProcFile("unix", data, data.length));
	}

}
