package io.netstatd.socket.procfs;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.IpAddress;
import io.netstatd.socket.SkippedLine;

/**
 * What the parsers of small procfs text files share: reading a file whole, splitting it
 * into numbered lines, reporting a line left out, and the two ways procfs prints an
 * address in hex.
 */
public final class ProcText {

	private static final int MAX_TEXT = 200;

	private ProcText() {
	}

	/**
	 * {@code file} as text.
	 * @param required whether its absence means procfs is not where it is configured
	 * @return the text, or {@code null} when an optional file is absent
	 * @throws ProcfsUnavailableException when it cannot be read, or a required one is
	 * absent
	 */
	public static String read(Path file, boolean required) {
		ProcFile content = ProcFile.readIfPresent(file);
		if (content == null) {
			if (required) {
				throw new ProcfsUnavailableException(file, "no such file", null);
			}
			return null;
		}
		return new String(content.data(), 0, content.length(), StandardCharsets.UTF_8);
	}

	/** The lines of {@code text}; a last line cut short is still one. */
	public static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			lines.add(text.substring(start, end));
			start = end + 1;
		}
		return lines;
	}

	/** What to do with one line. */
	@FunctionalInterface
	public interface LineVisitor {

		/**
		 * @param number the line's number, from 1
		 * @param line the line, without its line feed
		 */
		void line(int number, String line);

	}

	/** Visits every line of {@code text} but blank ones, numbered from 1. */
	public static void forEachLine(String text, LineVisitor visitor) {
		List<String> lines = lines(text);
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).isBlank()) {
				visitor.line(i + 1, lines.get(i));
			}
		}
	}

	/** A line left out, and why; its text cut at 200 characters. */
	public static SkippedLine skipped(String file, int lineNumber, String reason, String line) {
		return new SkippedLine(file, lineNumber, reason,
				(line.length() > MAX_TEXT) ? line.substring(0, MAX_TEXT) : line);
	}

	/**
	 * An IPv4 address printed as {@code %08X} of the kernel's 32-bit word: in host byte
	 * order, so {@code 0100007F} is 127.0.0.1 on a little-endian host.
	 * @throws NumberFormatException when it is not 8 hex digits
	 */
	public static IpAddress ipv4(String hex, ByteOrder order) {
		int word = (int) hex(hex, 8);
		return IpAddress.ipv4((order == ByteOrder.LITTLE_ENDIAN) ? Integer.reverseBytes(word) : word);
	}

	/**
	 * An IPv6 address printed byte by byte ({@code %pi6} without colons, as ipv6_route
	 * and igmp6 do): in network order, unlike the words of {@code /proc/net/tcp6}.
	 * @throws NumberFormatException when it is not 32 hex digits
	 */
	public static IpAddress ipv6(String hex) {
		if (hex.length() != 32) {
			throw new NumberFormatException(hex);
		}
		// as printed: a route to ::ffff:0:0/96 is an IPv6 route, not an IPv4 one
		return new IpAddress(false, hex(hex.substring(0, 16), 16), hex(hex.substring(16), 16));
	}

	/**
	 * An unsigned decimal the kernel prints ({@code %u}, {@code %lu}), up to 63 bits.
	 * @throws NumberFormatException when it is not one
	 */
	public static long decimal(String text) {
		if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new NumberFormatException(text);
		}
		return Long.parseLong(text);
	}

	/**
	 * Exactly {@code digits} hex digits (or fewer when {@code digits} is 0: any up to
	 * 16).
	 * @throws NumberFormatException when it is not
	 */
	public static long hex(String text, int digits) {
		if (text.isEmpty() || text.length() > 16 || (digits > 0 && text.length() != digits)) {
			throw new NumberFormatException(text);
		}
		long value = 0;
		for (int i = 0; i < text.length(); i++) {
			int digit = Hex.digit((byte) text.charAt(i));
			if (digit < 0 || text.charAt(i) > 0x7f) {
				throw new NumberFormatException(text);
			}
			value = (value << 4) | digit;
		}
		return value;
	}

}
