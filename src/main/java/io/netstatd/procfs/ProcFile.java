package io.netstatd.procfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bytes of one procfs file, read whole with as few and as large reads as it takes.
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

	private static final int FIRST_READ = 256 * 1024;

	/** A file's content given as text: what tests and captured fixtures hand parsers. */
	public static ProcFile of(String name, String text) {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		return new ProcFile(name, data, data.length);
	}

	/**
	 * Reads {@code file} whole.
	 * @param file the file
	 * @return the file's bytes, or {@code null} when the file does not exist
	 * @throws ProcfsUnavailableException when it exists but cannot be read
	 */
	public static ProcFile readIfPresent(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] data = new byte[FIRST_READ];
			int length = 0;
			int n;
			while ((n = in.read(data, length, data.length - length)) >= 0) {
				length += n;
				if (length == data.length) {
					data = Arrays.copyOf(data, data.length * 2);
				}
			}
			return new ProcFile(file.toString(), data, length);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | SecurityException ex) {
			throw new ProcfsUnavailableException(file, reason(ex), ex);
		}
	}

	/**
	 * Reads {@code file} whole.
	 * @param file the file
	 * @return the file's bytes
	 * @throws ProcfsUnavailableException when it is absent or cannot be read: procfs is
	 * not where it is configured
	 */
	public static ProcFile read(Path file) {
		ProcFile content = readIfPresent(file);
		if (content == null) {
			throw new ProcfsUnavailableException(file, "no such file", null);
		}
		return content;
	}

	/** The bytes {@code [start, end)} as text. */
	public String text(int start, int end) {
		return new String(this.data, start, end - start, StandardCharsets.UTF_8);
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
