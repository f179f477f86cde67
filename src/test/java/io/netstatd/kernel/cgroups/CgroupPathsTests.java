package io.netstatd.kernel.cgroups;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.netstatd.Tools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cgroup paths as the kernel names them, byte for byte: a directory name that is not
 * UTF-8 is shown with {@code \xNN}, as unix socket names are, so that two cgroups never
 * read the same.
 */
class CgroupPathsTests {

	private static final Path UNIFIED = Path.of("/sys/fs/cgroup/unified");

	@Test
	void namesEachCgroupByItsOwnBytes() throws IOException {
		assumeTrue(Files.isWritable(UNIFIED), "no writable cgroup v2 tree at " + UNIFIED);
		String parent = "netstatd-test-" + UUID.randomUUID();
		// two cgroups whose names differ only in a byte that is not UTF-8
		String make = "import os; p=b'" + UNIFIED + "/" + parent + "'; os.mkdir(p); "
				+ "os.mkdir(p + b'/a\\xff'); os.mkdir(p + b'/a\\xfe'); os.mkdir(p + b'/b\\x1b[31m')";
		try {
			Tools.run("python3 -c \"" + make + "\"");
			Map<Long, String> paths = CgroupPaths.walk(UNIFIED);

			assertThat(paths.values()).contains("/" + parent, "/" + parent + "/a\\xff", "/" + parent + "/a\\xfe",
					"/" + parent + "/b\\x1b[31m");
			assertThat(paths.get(inode(parent))).isEqualTo("/" + parent);
			assertThat(paths.get(1L)).isEqualTo("/");
		}
		finally {
			Tools.run("python3 -c \"import os; p=b'" + UNIFIED + "/" + parent + "'; "
					+ "[os.rmdir(p + b'/' + n) for n in (b'a\\xff', b'a\\xfe', b'b\\x1b[31m')]; os.rmdir(p)\"");
		}
	}

	/**
	 * {@code struct linux_dirent64} records as the kernel lays them out (8-byte aligned,
	 * names NUL-terminated): {@code .} and {@code ..} and files are passed over.
	 */
	@Test
	void readsDirectoryRecords() {
		ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
		record(buffer, 7, 4, ".");
		record(buffer, 2, 4, "..");
		record(buffer, 9, 8, "cgroup.procs");
		record(buffer, 4026531835L, 4, "a\u00ff");
		buffer.flip();
		Map<Long, String> found = new java.util.LinkedHashMap<>();
		DirectoryEntries.parse(buffer, (inode, name) -> found.put(inode, new String(name, StandardCharsets.UTF_8)));
		assertThat(found).containsExactly(Map.entry(4026531835L, "a\u00ff"));
	}

	private static void record(ByteBuffer buffer, long inode, int type, String name) {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		int length = (19 + bytes.length + 1 + 7) & ~7;
		int at = buffer.position();
		buffer.putLong(inode).putLong(0).putShort((short) length).put((byte) type).put(bytes);
		buffer.position(at + length);
	}

	private static long inode(String parent) throws IOException {
		return ((Number) Files.getAttribute(UNIFIED.resolve(parent), "unix:ino")).longValue();
	}

}
