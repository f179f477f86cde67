package io.netstatd.kernel.cgroups;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.BiConsumer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * A directory's entries as the kernel names them, in bytes: Java's file API decodes a
 * name that is not UTF-8 into U+FFFD, so two cgroups {@code a\xff} and {@code a\xfe}
 * would read the same. {@code getdents64(2)} gives each entry's raw name and inode number
 * (for a cgroup2 directory, its cgroup id) without a {@code stat} per entry.
 */
final class DirectoryEntries {

	/** {@code O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW}. */
	static final int OPEN_FLAGS = 0x10000 | 0x80000 | 0x20000;

	/** {@code d_type} of a directory. */
	static final int DT_DIR = 4;

	private static final byte[] DOT = { '.' };

	private static final byte[] DOT_DOT = { '.', '.' };

	static {
		Native.register(Platform.C_LIBRARY_NAME);
	}

	private DirectoryEntries() {
	}

	static native int open(byte[] path, int flags) throws LastErrorException;

	static native int openat(int directory, byte[] name, int flags) throws LastErrorException;

	/** glibc 2.30 and later; the entries as {@code struct linux_dirent64}. */
	static native NativeLong getdents64(int fd, ByteBuffer buffer, NativeLong size) throws LastErrorException;

	static native int close(int fd);

	/**
	 * Each directory entry of {@code struct linux_dirent64} records ({@code u64 d_ino},
	 * {@code s64 d_off}, {@code u16 d_reclen}, {@code u8 d_type}, the name up to its
	 * NUL), but {@code .} and {@code ..}, handed to {@code subdirectory} when it is a
	 * directory.
	 * @param entries what one {@code getdents64} call filled, from position to limit
	 * @param subdirectory takes each subdirectory's inode number and name
	 */
	static void parse(ByteBuffer entries, BiConsumer<Long, byte[]> subdirectory) {
		ByteBuffer records = entries.duplicate().order(ByteOrder.nativeOrder());
		int at = records.position();
		while (at + 19 < records.limit()) {
			long inode = records.getLong(at);
			int length = Short.toUnsignedInt(records.getShort(at + 16));
			int type = Byte.toUnsignedInt(records.get(at + 18));
			if (length < 20 || at + length > records.limit()) {
				return;
			}
			int end = at + 19;
			while (end < at + length && records.get(end) != 0) {
				end++;
			}
			byte[] name = new byte[end - at - 19];
			records.get(at + 19, name);
			if (type == DT_DIR && !Arrays.equals(name, DOT) && !Arrays.equals(name, DOT_DOT)) {
				subdirectory.accept(inode, name);
			}
			at += length;
		}
	}

	/** The name with the NUL a C string ends with: JNA passes a byte array as it is. */
	static byte[] cString(byte[] name) {
		return Arrays.copyOf(name, name.length + 1);
	}

}
