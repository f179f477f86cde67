package io.netstatd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real sockets on loopback that a test opens, knows exactly, and closes.
 */
public final class TestSockets implements AutoCloseable {

	private final List<AutoCloseable> open = new ArrayList<>();

	/** A TCP listener on {@code address} and an ephemeral port. */
	public ServerSocketChannel listen(String address) {
		try {
			InetAddress inet = InetAddress.getByName(address);
			ServerSocketChannel server = ServerSocketChannel
				.open((inet instanceof Inet6Address) ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
			server.bind(new InetSocketAddress(inet, 0), 64);
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
			server.bind(new InetSocketAddress(InetAddress.getByName(ipv4), 0), 64);
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
			channel.bind(new InetSocketAddress(inet, 0));
			if (peer != null) {
				channel.connect(peer.getLocalAddress());
			}
			return channel;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

}
