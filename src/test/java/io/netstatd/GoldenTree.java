package io.netstatd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.procfs.NetIpSocketParser;

/**
 * The captured procfs tree ({@code src/test/resources/procfs/golden}, see its README) as
 * the fixture source of the web slices: its rows, parsed by the real parser.
 */
public final class GoldenTree {

	/** The tree's root, as {@code netstatd.procfs.root} names it. */
	public static final Path ROOT = Path.of("src/test/resources/procfs/golden");

	private GoldenTree() {
	}

	/**
	 * The sockets of these tables, in the kernel's order.
	 * @param protocols the tables, in the order wanted
	 * @return the rows
	 */
	public static List<InetSocket> sockets(Protocol... protocols) {
		List<InetSocket> sockets = new ArrayList<>();
		for (Protocol protocol : protocols) {
			sockets
				.addAll(NetIpSocketParser.parse(file(protocol.procFile()), protocol, ByteOrder.LITTLE_ENDIAN).rows());
		}
		return sockets;
	}

	/**
	 * A file of the tree.
	 * @param name its path below the root, such as {@code net/dev}
	 * @return its content
	 */
	public static ProcFile file(String name) {
		Path path = ROOT.resolve(name);
		try {
			byte[] data = Files.readAllBytes(path);
			return new ProcFile(path.toString(), data, data.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
