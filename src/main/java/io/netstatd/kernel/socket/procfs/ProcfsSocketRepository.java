package io.netstatd.kernel.socket.procfs;

import java.nio.file.Path;
import java.util.Set;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.UnixSocket;

/**
 * Reads the socket tables under {@code <root>/net/}: the configured procfs root, or
 * {@code /proc/<pid>} for another namespace. {@code tcp} and {@code udp} must be there
 * (their absence means procfs is not where it is configured); the IPv6 tables are missing
 * on a host with IPv6 off, raw and UDP-Lite ones without their modules, and that is no
 * error.
 */
public class ProcfsSocketRepository implements SocketSource {

	private final Path root;

	/**
	 * Reads the tables under {@code root}/net.
	 * @param root the procfs root, or a process's directory in it
	 */
	public ProcfsSocketRepository(Path root) {
		this.root = root;
	}

	/**
	 * Reads the tables of {@code protocols}, each once, in the order of {@link Protocol}.
	 * procfs cannot leave out states: all are returned.
	 */
	@Override
	public Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states) {
		return SocketSource.eachTable(protocols, this::read);
	}

	/**
	 * Reads {@code net/unix}; a host without it (no Unix sockets in this namespace) has
	 * none.
	 */
	@Override
	public Parsed<UnixSocket> readUnix() {
		ProcFile content = ProcFile.readIfPresent(this.root.resolve("net/unix"), ProcFile.TABLE_LIMIT);
		return (content != null) ? ProcNetUnixParser.parse(content) : Parsed.empty();
	}

	@Override
	public String name() {
		return "procfs";
	}

	/**
	 * The root this repository reads.
	 * @return the procfs root, or a process's directory in it
	 */
	public Path root() {
		return this.root;
	}

	private Parsed<InetSocket> read(Protocol protocol) {
		Path file = this.root.resolve(protocol.procFile());
		ProcFile content = protocol.optional() ? ProcFile.readIfPresent(file, ProcFile.TABLE_LIMIT)
				: ProcFile.read(file, ProcFile.TABLE_LIMIT);
		return (content != null) ? NetIpSocketParser.parse(content, protocol) : Parsed.empty();
	}

}
