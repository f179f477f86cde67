package io.netstatd.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.netlink.InetDiagParser;
import io.netstatd.kernel.socket.procfs.NetIpSocketParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two parsers at 60,000 sockets: {@code /proc/net/tcp} text and a sock_diag dump,
 * both built from the captured fixtures. Time and allocation are per socket
 * ({@link OperationsPerInvocation}); with {@code -prof gc}, {@code gc.alloc.rate.norm} is
 * bytes allocated per socket. MB/s is 60,000 x the bytes per line / the time per socket.
 * Run: {@code ./mvnw -Pjmh test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParserBenchmark {

	static final int SOCKETS = 60_000;

	byte[] procfsTable;

	ByteBuffer netlinkDump;

	int netlinkLength;

	@Setup
	public void build() {
		// the captured rows of /proc/net/tcp, repeated to 60,000 lines under one header
		String[] lines = new String(resource("/procfs/golden/net/tcp"), StandardCharsets.US_ASCII).split("\n");
		StringBuilder table = new StringBuilder(lines[0]).append('\n');
		for (int i = 0; i < SOCKETS; i++) {
			table.append(lines[1 + i % (lines.length - 1)]).append('\n');
		}
		this.procfsTable = table.toString().getBytes(StandardCharsets.US_ASCII);
		System.out.printf("%nprocfs table: %d bytes, %.1f per line%n", this.procfsTable.length,
				this.procfsTable.length / (double) SOCKETS);

		// the captured sock_diag messages (of several lengths: TIME_WAIT rows carry fewer
		// attributes), repeated to 60,000 in one buffer, then the capture's NLMSG_DONE
		byte[] dump = resource("/netlink/tcp-dump.bin");
		ByteBuffer captured = ByteBuffer.wrap(dump).order(ByteOrder.nativeOrder());
		List<int[]> messages = new ArrayList<>();
		for (int offset = 0; captured.getShort(offset + 4) != 3; offset += (captured.getInt(offset) + 3) & ~3) {
			messages.add(new int[] { offset, (captured.getInt(offset) + 3) & ~3 });
		}
		int done = messages.get(messages.size() - 1)[0] + messages.get(messages.size() - 1)[1];
		this.netlinkDump = ByteBuffer.allocateDirect(SOCKETS * 200).order(ByteOrder.nativeOrder());
		for (int i = 0; i < SOCKETS; i++) {
			int[] message = messages.get(i % messages.size());
			this.netlinkDump.put(dump, message[0], message[1]);
		}
		this.netlinkDump.put(dump, done, dump.length - done);
		this.netlinkLength = this.netlinkDump.position();
		this.netlinkDump.clear();
		System.out.printf("netlink dump: %d bytes, %.1f per socket%n", this.netlinkLength,
				this.netlinkLength / (double) SOCKETS);
	}

	@Benchmark
	@OperationsPerInvocation(SOCKETS)
	public Parsed<InetSocket> procfsText() {
		return NetIpSocketParser.parse(new ProcFile("tcp", this.procfsTable, this.procfsTable.length), Protocol.TCP,
				ByteOrder.LITTLE_ENDIAN);
	}

	@Benchmark
	@OperationsPerInvocation(SOCKETS)
	public List<InetSocket> netlinkDump() {
		List<InetSocket> sockets = new ArrayList<>(SOCKETS);
		InetDiagParser.parse(this.netlinkDump, this.netlinkLength, Protocol.TCP, sockets);
		return sockets;
	}

	private static byte[] resource(String name) {
		try (InputStream in = ParserBenchmark.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
