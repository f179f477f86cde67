package io.netstatd.socket;

import java.util.List;

import io.netstatd.socket.procfs.ProcfsSocketRepository;

import org.springframework.stereotype.Service;

/**
 * The sockets of the host, read fresh on every call and filtered.
 */
@Service
public class SocketService {

	private final ProcfsSocketRepository repository;

	public SocketService(ProcfsSocketRepository repository) {
		this.repository = repository;
	}

	/** Reads only the tables {@code filter} needs, and keeps the sockets it accepts. */
	public SocketTable sockets(SocketFilter filter) {
		SocketTable table = this.repository.read(filter.protocols());
		List<InetSocket> matching = table.sockets().stream().filter(filter).toList();
		return new SocketTable(matching, table.skipped());
	}

}
