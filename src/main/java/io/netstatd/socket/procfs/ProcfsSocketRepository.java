package io.netstatd.socket.procfs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.netstatd.socket.Protocol;
import io.netstatd.socket.SocketSource;
import io.netstatd.socket.SocketState;
import io.netstatd.socket.SocketTable;
import io.netstatd.socket.UnixTable;

import org.springframework.stereotype.Repository;

/**
 * Reads the socket tables under {@code <procfs root>/net/}. {@code tcp} and {@code udp}
 * must be there (their absence means procfs is not where it is configured); the IPv6
 * tables are missing on a host with IPv6 off, raw and UDP-Lite ones without their
 * modules, and that is no error.
 */
@Repository
public class ProcfsSocketRepository implements SocketSource {

	private final Path root;

	public ProcfsSocketRepository(ProcfsProperties properties) {
		this.root = properties.root();
	}

	/**
	 * Reads the tables of {@code protocols}, each once, in the order of {@link Protocol}.
	 * procfs cannot leave out states: all are returned.
	 */
	@Override
	public SocketTable read(Set<Protocol> protocols, Set<SocketState> states) {
		return SocketTable.join(protocols, this::read);
	}

	/**
	 * Reads {@code net/unix}; a host without it (no Unix sockets in this namespace) has
	 * none.
	 */
	@Override
	public UnixTable readUnix() {
		Path file = this.root.resolve("net/unix");
		ProcFile content = ProcFile.readIfPresent(file);
		if (content == null) {
			return new UnixTable(List.of(), List.of());
		}
		return ProcNetUnixParser.parse(content.data(), content.length(), file.toString());
	}

	@Override
	public String name() {
		return "procfs";
	}

	/** The procfs root this repository reads. */
	public Path root() {
		return this.root;
	}

	private SocketTable read(Protocol protocol) {
		Path file = this.root.resolve(protocol.procFile());
		ProcFile content = ProcFile.readIfPresent(file);
		if (content == null) {
			if (protocol.optional()) {
				return new SocketTable(List.of(), List.of());
			}
			throw new ProcfsUnavailableException(file, "no such file", null);
		}
		return NetIpSocketParser.parse(content.data(), content.length(), protocol, file.toString());
	}

}
