package io.netstatd.core.connections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A procfs tree in a temporary directory whose {@code net/tcp} holds many established
 * rows (one listener's peers, distinct inodes) and whose {@code net/udp} is empty: a list
 * large enough that its writing stalls against a client that does not read.
 */
final class LargeTcpTable {

	private static final String ROW = "   0: 0100007F:1F90 0200007F:%04X 01 00000000:00000000 00:00000000 00000000     0"
			+ "        0 %d 1 0000000000000000 20 4 30 10 -1\n";

	private LargeTcpTable() {
	}

	/**
	 * A tree of {@code rows} TCP rows.
	 * @param prefix the temporary directory's prefix
	 * @param rows how many
	 * @return the tree's root
	 */
	static Path create(String prefix, int rows) throws IOException {
		Path root = Files.createTempDirectory(prefix);
		Path net = Files.createDirectories(root.resolve("net"));
		StringBuilder tcp = new StringBuilder("  sl  local_address rem_address   st\n");
		for (int i = 0; i < rows; i++) {
			tcp.append(String.format(ROW, i % 65536, 100_000 + i));
		}
		Files.writeString(net.resolve("tcp"), tcp);
		Files.writeString(net.resolve("udp"), "");
		return root;
	}

	/**
	 * Removes a tree made here (or any temporary tree), files first.
	 * @param root its root
	 */
	static void remove(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
