package io.netstatd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;

/**
 * Real sockets on loopback that a test opens, knows exactly, and closes.
 */
public final class TestSockets implements AutoCloseable {

	private static final java.util.Random RANDOM = new java.util.Random();

	private static final ProcfsSocketRepository PROC = new ProcfsSocketRepository(Path.of("/proc"));

	private final List<AutoCloseable> open = new ArrayList<>();

	/** A TCP listener on {@code address} and an ephemeral port. */
	public ServerSocketChannel listen(String address) {
		try {
			InetAddress inet = InetAddress.getByName(address);
			ServerSocketChannel server = ServerSocketChannel
				.open((inet instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
			bindClean((port) -> server.bind(new InetSocketAddress(inet, port), 64), true);
			return keep(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A TCP listener on an IPv6 socket bound to an IPv4 address: a tcp6 row whose IPv4
	 * clients show as IPv4-mapped IPv6 addresses, as a dual-stack server's do.
	 */
	public ServerSocketChannel listenDualStack(String ipv4) {
		try {
			ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET6);
			InetAddress inet = InetAddress.getByName(ipv4);
			bindClean((port) -> server.bind(new InetSocketAddress(inet, port), 64), true);
			return keep(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A connection from {@code source} to {@code server}, accepted on the server side.
	 */
	public SocketChannel connect(String source, ServerSocketChannel server, String target) {
		try {
			InetAddress from = InetAddress.getByName(source);
			SocketChannel client = SocketChannel
				.open((from instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
			keep(client);
			client.bind(new InetSocketAddress(from, 0));
			client.connect(new InetSocketAddress(InetAddress.getByName(target), port(server)));
			keep(server.accept());
			return client;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A UDP socket bound to {@code address}, connected to {@code peer} unless it is null.
	 */
	public DatagramChannel udp(String address, DatagramChannel peer) {
		try {
			InetAddress inet = InetAddress.getByName(address);
			DatagramChannel channel = DatagramChannel
				.open((inet instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
			keep(channel);
			bindClean((port) -> channel.bind(new InetSocketAddress(inet, port)), false);
			if (peer != null) {
				channel.connect(peer.getLocalAddress());
			}
			return channel;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Binds to a port no socket table mentions, on either side, in any state: a TIME_WAIT
	 * row left by an earlier run (or a benchmark) on the same port number would otherwise
	 * join this test's rows. The port is drawn below the ephemeral range (32768 and up),
	 * so no client connection takes it while the test runs.
	 */
	private static void bindClean(Binder binder, boolean tcp) throws IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = 20000 + RANDOM.nextInt(12000);
			if (mentioned(port, tcp)) {
				continue;
			}
			try {
				binder.bind(port);
				return;
			}
			catch (java.net.BindException ex) {
				// taken meanwhile: draw another
			}
		}
		throw new IOException("no clean port found below the ephemeral range");
	}

	private static boolean mentioned(int port, boolean tcp) {
		Set<Protocol> tables = tcp ? EnumSet.of(Protocol.TCP, Protocol.TCP6) : EnumSet.of(Protocol.UDP, Protocol.UDP6);
		return PROC.read(tables, Set.of())
			.rows()
			.stream()
			.anyMatch((socket) -> socket.localPort() == port || socket.remotePort() == port);
	}

	/**
	 * Sends {@code toServer} bytes from {@code client} and {@code toClient} back, each
	 * read whole by the other end (blocking channels).
	 */
	public static void exchange(SocketChannel client, SocketChannel server, int toServer, int toClient) {
		try {
			send(client, toServer);
			receive(server, toServer);
			send(server, toClient);
			receive(client, toClient);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads {@code channel} to its peer's FIN, whatever it still sends. */
	public static void awaitEndOfStream(SocketChannel channel) {
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		try {
			while (channel.read(buffer) >= 0) {
				buffer.clear();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void send(SocketChannel channel, int bytes) throws IOException {
		ByteBuffer data = ByteBuffer.allocate(bytes);
		while (data.hasRemaining()) {
			channel.write(data);
		}
	}

	private static void receive(SocketChannel channel, int bytes) throws IOException {
		ByteBuffer data = ByteBuffer.allocate(bytes);
		while (data.hasRemaining()) {
			if (channel.read(data) < 0) {
				throw new IOException("end of stream after " + data.position() + " of " + bytes + " bytes");
			}
		}
	}

	public static int port(java.nio.channels.NetworkChannel channel) {
		try {
			return ((InetSocketAddress) channel.getLocalAddress()).getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The inodes of every socket this process holds, from {@code /proc/self/fd}. */
	public static Set<Long> ownSocketInodes() {
		Set<Long> inodes = new HashSet<>();
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			for (Path fd : fds.toList()) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
					}
				}
				catch (IOException ex) {
					// a descriptor closed while listing
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return inodes;
	}

	/** This process's real uid, from {@code /proc/self/status}. */
	public static long ownUid() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("Uid:"))
				.map((line) -> Long.parseLong(line.split("\\s+")[1]))
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <T extends AutoCloseable> T keep(T closeable) {
		this.open.add(closeable);
		return closeable;
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.open) {
			closeable.close();
		}
	}

	private interface Binder {

		void bind(int port) throws IOException;

	}

}
