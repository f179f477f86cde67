package io.netstatd.kernel.cgroups;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import io.netstatd.support.text.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Names cgroup v2 ids by path, as {@code ss -e} prints {@code cgroup:/system.slice/...}:
 * a cgroup's id ({@code INET_DIAG_CGROUP_ID}, {@code cgroup_id()}) is the inode number of
 * its directory in the cgroup2 file system, so the tree is walked once and walked again
 * only when an id it does not know turns up (a cgroup made since), at most ten times a
 * second. The tree is the one {@code netstatd.cgroup.root} names, else the first cgroup2
 * mount in {@code /proc/self/mountinfo} ({@code /sys/fs/cgroup} on a unified host,
 * {@code /sys/fs/cgroup/unified} on a hybrid one); the walk stops after
 * {@link #MAX_CGROUPS} directories.
 */
@Component
public class CgroupPaths {

	/** A host with more cgroups than this is not walked further. */
	static final int MAX_CGROUPS = 100_000;

	private static final Logger log = LoggerFactory.getLogger(CgroupPaths.class);

	private static final long REWALK_NANOS = 100_000_000L;

	private final Path root;

	private volatile Map<Long, String> byId = Map.of();

	private volatile long walkedAt = System.nanoTime() - REWALK_NANOS;

	public CgroupPaths(Properties properties) {
		this.root = properties.root().or(() -> mountPoint(Path.of("/proc/self/mountinfo"))).orElse(null);
	}

	/**
	 * The path of cgroup {@code id} below the cgroup2 root ({@code /} for the root), or
	 * null when there is no cgroup2 tree here or no cgroup has that id (gone since).
	 * @param id the cgroup's id
	 * @return its path, or null
	 */
	public String path(long id) {
		String path = this.byId.get(id);
		if (path == null && this.root != null && System.nanoTime() - this.walkedAt >= REWALK_NANOS) {
			path = rewalk().get(id);
		}
		return path;
	}

	private synchronized Map<Long, String> rewalk() {
		if (System.nanoTime() - this.walkedAt < REWALK_NANOS) {
			return this.byId;
		}
		this.byId = walk(this.root);
		this.walkedAt = System.nanoTime();
		return this.byId;
	}

	/**
	 * Every directory below {@code root} by its inode number, its path's bytes as
	 * {@link Printable#bytes} shows them (a byte that is not UTF-8 or is a control
	 * character as {@code \xNN}), read with {@code getdents64} so that no name is decoded
	 * on the way.
	 */
	static Map<Long, String> walk(Path root) {
		Map<Long, String> paths = new HashMap<>();
		try {
			paths.put(((Number) Files.getAttribute(root, "unix:ino")).longValue(), "/");
			int fd = DirectoryEntries.open(DirectoryEntries.cString(root.toString().getBytes(StandardCharsets.UTF_8)),
					DirectoryEntries.OPEN_FLAGS);
			walk(fd, new byte[0], paths, ByteBuffer.allocateDirect(64 * 1024));
		}
		catch (IOException | UnsupportedOperationException | LastErrorException | UnsatisfiedLinkError ex) {
			log.warn("cannot walk the cgroup tree at {}: {}", root, ex.getMessage());
		}
		return Map.copyOf(paths);
	}

	/**
	 * Walks the open directory {@code fd} (closed here) whose path below the root is
	 * {@code path}, depth first; a cgroup removed while walked is passed over.
	 */
	private static void walk(int fd, byte[] path, Map<Long, String> paths, ByteBuffer buffer) {
		List<byte[]> children = new ArrayList<>();
		List<Long> inodes = new ArrayList<>();
		try {
			while (true) {
				buffer.clear();
				long filled = DirectoryEntries.getdents64(fd, buffer, new NativeLong(buffer.capacity())).longValue();
				if (filled <= 0) {
					break;
				}
				buffer.limit((int) filled);
				DirectoryEntries.parse(buffer, (inode, name) -> {
					inodes.add(inode);
					children.add(name);
				});
			}
			for (int i = 0; i < children.size() && paths.size() < MAX_CGROUPS; i++) {
				byte[] child = join(path, children.get(i));
				paths.put(inodes.get(i), "/" + Printable.bytes(child, 0, child.length));
				int childFd;
				try {
					childFd = DirectoryEntries.openat(fd, DirectoryEntries.cString(children.get(i)),
							DirectoryEntries.OPEN_FLAGS);
				}
				catch (LastErrorException ex) {
					continue;
				}
				walk(childFd, child, paths, buffer);
			}
		}
		catch (LastErrorException ex) {
			// removed while read: what was read stays
		}
		finally {
			DirectoryEntries.close(fd);
		}
	}

	private static byte[] join(byte[] path, byte[] name) {
		if (path.length == 0) {
			return name;
		}
		byte[] joined = Arrays.copyOf(path, path.length + 1 + name.length);
		joined[path.length] = '/';
		System.arraycopy(name, 0, joined, path.length + 1, name.length);
		return joined;
	}

	/** The mount point of the first cgroup2 file system in a mountinfo file, if any. */
	static Optional<Path> mountPoint(Path mountinfo) {
		try {
			return mountPoint(Files.readAllLines(mountinfo));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The mount point of the first cgroup2 line: {@code id parent major:minor root
	 * mount-point options [optional fields] - fstype source super-options}.
	 */
	static Optional<Path> mountPoint(List<String> lines) {
		for (String line : lines) {
			String[] fields = line.split(" ");
			int separator = List.of(fields).indexOf("-");
			if (separator > 4 && separator + 1 < fields.length && fields[separator + 1].equals("cgroup2")) {
				// octal escapes (\040 for a space) as the kernel writes them
				return Optional.of(Path.of(fields[4].replace("\\040", " ")));
			}
		}
		return Optional.empty();
	}

	/**
	 * Where cgroup v2 is mounted.
	 *
	 * @param root {@code netstatd.cgroup.root}: the cgroup2 mount point; found in
	 * {@code /proc/self/mountinfo} when absent (in a container, mount the host's
	 * {@code /sys/fs/cgroup} and name it here)
	 */
	@ConfigurationProperties("netstatd.cgroup")
	public record Properties(Optional<Path> root) {

	}

}
