package io.netstatd.kernel.procfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The bytes of one procfs (or sysfs) file, read whole with as few and as large reads as
 * it takes, and read safely: only a regular file is opened (a FIFO would block the open
 * for ever, a device could stream without end), never more than its kind's limit is read,
 * and a read that drags on is given up.
 * <p>
 * The kernel renders a seq_file table one read at a time, and sockets that open or close
 * between two reads can be listed twice or not at all: so the first read asks for 256 KiB
 * and each later one for all the room left in a buffer that doubles. procfs reports a
 * size of 0, so the size cannot be asked first.
 *
 * @param name the file's path as reports name it ({@code /proc/net/tcp})
 * @param data the buffer, holding the file in its first {@code length} bytes
 * @param length how many bytes were read
 */
public record ProcFile(String name, byte[] data, int length) {

	/**
	 * The most a socket table may hold: 24 MiB, about 160,000 IPv4 or 135,000 IPv6 rows.
	 * A host with 100,000 sockets is well within it; past it the answer is a 507 problem
	 * naming the file, not a heap the service dies of.
	 */
	public static final int TABLE_LIMIT = 24 << 20;

	/** The most one of the small files may hold (counters, interfaces, routes, ...). */
	public static final int SMALL_LIMIT = 4 << 20;

	/** The most a few-line file may hold (a sysfs attribute, a command line). */
	public static final int TINY_LIMIT = 256 << 10;

	/** How long one file may take to read: procfs renders in memory, in milliseconds. */
	static final long READ_NANOS = 10_000_000_000L;

	private static final int FIRST_READ = 256 * 1024;

	/**
	 * A file's content given as text: what tests and captured fixtures hand parsers.
	 * @param name the file's name, for reports
	 * @param text its content
	 * @return the file
	 */
	public static ProcFile of(String name, String text) {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		return new ProcFile(name, data, data.length);
	}

	/**
	 * Reads {@code file} whole.
	 * @param file the file
	 * @param limit the most it may hold
	 * @return the file's bytes, or {@code null} when the file does not exist
	 * @throws ProcfsUnavailableException when it exists but cannot be read, is no regular
	 * file, or takes too long
	 * @throws ProcfsTooLargeException when it holds more than {@code limit}
	 */
	public static ProcFile readIfPresent(Path file, int limit) {
		try {
			return read(file, open(file), limit, true);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | SecurityException ex) {
			throw new ProcfsUnavailableException(file, reason(ex), ex);
		}
	}

	/**
	 * Reads the first bytes of {@code file}, as safely: what a probe, a command line or a
	 * sysfs attribute needs.
	 * @param file the file
	 * @param limit how many bytes at most; the rest is left unread
	 * @return those bytes, or {@code null} when the file does not exist
	 * @throws ProcfsUnavailableException when it exists but cannot be read or is no
	 * regular file
	 */
	public static ProcFile readStart(Path file, int limit) {
		try {
			return read(file, open(file), limit, false);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | SecurityException ex) {
			throw new ProcfsUnavailableException(file, reason(ex), ex);
		}
	}

	/**
	 * Opens a regular file; a FIFO, a socket or a device is refused before it is opened.
	 */
	private static InputStream open(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		if (attributes.isDirectory()) {
			throw new ProcfsUnavailableException(file, "a directory, not a file", null);
		}
		if (!attributes.isRegularFile()) {
			throw new ProcfsUnavailableException(file,
					"a FIFO, socket or device, not a regular file: not opened, as reading it could block or never end",
					null);
		}
		return Files.newInputStream(file);
	}

	/**
	 * Reads {@code file} whole.
	 * @param file the file
	 * @param limit the most it may hold
	 * @return the file's bytes
	 * @throws ProcfsUnavailableException when it is absent or cannot be read: procfs is
	 * not where it is configured
	 * @throws ProcfsTooLargeException when it holds more than {@code limit}
	 */
	public static ProcFile read(Path file, int limit) {
		ProcFile content = readIfPresent(file, limit);
		if (content == null) {
			throw new ProcfsUnavailableException(file, "no such file", null);
		}
		return content;
	}

	private static ProcFile read(Path file, InputStream stream, int limit, boolean whole) throws IOException {
		long started = System.nanoTime();
		try (InputStream in = stream) {
			byte[] data = new byte[Math.min(FIRST_READ, limit + 1)];
			int length = 0;
			int n;
			while ((n = in.read(data, length, data.length - length)) >= 0) {
				length += n;
				if (length > limit) {
					if (!whole) {
						return new ProcFile(file.toString(), data, limit);
					}
					throw new ProcfsTooLargeException(file, limit);
				}
				if (System.nanoTime() - started > READ_NANOS) {
					throw new ProcfsUnavailableException(file, "reading it took longer than 10 s", null);
				}
				if (length == data.length) {
					data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, limit + 1L));
				}
			}
			return new ProcFile(file.toString(), data, length);
		}
	}

	/**
	 * The bytes {@code [start, end)} as text.
	 * @param start the first byte
	 * @param end past the last byte
	 * @return the text
	 */
	public String text(int start, int end) {
		return new String(this.data, start, end - start, StandardCharsets.UTF_8);
	}

	/**
	 * The whole content as text.
	 * @return the text
	 */
	public String text() {
		return text(0, this.length);
	}

	/** Why the read failed, without the paths NIO puts in its messages. */
	private static String reason(Exception ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fileSystem) {
			return (fileSystem.getReason() != null) ? fileSystem.getReason() : "file system error";
		}
		String message = ex.getMessage();
		return (message != null && message.indexOf('/') < 0) ? message : ex.getClass().getSimpleName();
	}

}
