package io.netstatd.kernel.socket.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.kernel.socket.UnixSocket.State;
import io.netstatd.kernel.socket.UnixSocket.Type;
import io.netstatd.kernel.socket.procfs.ProcNetUnixParser;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unix_diag dump and {@code /proc/net/unix} captured at the same moment (see
 * {@code ProcNetUnixParserTests} for what was held): sock_diag's names are bytes, so the
 * forged line is found out.
 */
class UnixReconcilerTests {

	@Test
	void readsNamesFromUnixDiagAsBytes() throws IOException {
		List<UnixSocket> sockets = netlink();

		assertThat(sockets).hasSize(9);
		assertThat(sockets).extracting(UnixSocket::refCount).containsOnlyNulls();
		assertThat(sockets).contains(
				new UnixSocket(Type.STREAM, State.LISTENING, true, null, 1890982, "/tmp/netstatd test/a b.sock"),
				new UnixSocket(Type.DGRAM, State.UNCONNECTED, false, null, 1890986, "@netstatd\\x01ctl\\x7f"),
				new UnixSocket(Type.STREAM, State.UNCONNECTED, false, null, 1890988,
						"@forge\\x0a0000000000000000: 00000002 00000000 00010000 0001 01 424242 /run/forged.sock"));
	}

	@Test
	void aForgedLineAddsNoSocketAndIsReported() throws IOException {
		byte[] procfs = resource("/procfs/unix/net/unix");

		Parsed<UnixSocket> table = UnixReconciler.reconcile(netlink(),
				ProcNetUnixParser.parse(new ProcFile("unix", procfs, procfs.length)), "/proc/net/unix");

		assertThat(table.rows()).hasSize(9).extracting(UnixSocket::inode).doesNotContain(424242L);
		assertThat(table.rows()).extracting(UnixSocket::refCount).doesNotContainNull();
		assertThat(table.skipped().lines()).singleElement().satisfies((line) -> {
			assertThat(line.reason()).startsWith("inode 424242 is not a socket sock_diag lists");
			assertThat(line.text()).isEqualTo("/run/forged.sock");
		});
		assertThat(table.skipped().lines()).extracting(SkippedLine::file).containsExactly("/proc/net/unix");
	}

	private static List<UnixSocket> netlink() throws IOException {
		byte[] dump = resource("/netlink/unix-dump.bin");
		List<UnixSocket> sockets = new ArrayList<>();
		assertThat(UnixDiagParser.parse(ByteBuffer.wrap(dump), dump.length, sockets))
			.isEqualTo(InetDiagParser.Outcome.DONE);
		return sockets;
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = UnixReconcilerTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
