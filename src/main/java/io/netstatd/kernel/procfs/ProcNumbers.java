package io.netstatd.kernel.procfs;

import java.nio.charset.StandardCharsets;

/**
 * Numbers as procfs prints them: hex ({@code %X}, {@code %x}, {@code %08X}) and unsigned
 * decimal ({@code %u}, {@code %lu}). One reader over bytes, which the large socket tables
 * are parsed from in place; the small files' words go through it too.
 */
public final class ProcNumbers {

	private ProcNumbers() {
	}

	/**
	 * The value of hex digit {@code b}, or -1 when it is none.
	 * @param b a byte of the file
	 * @return its value, 0 to 15, or -1
	 */
	public static int hexDigit(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		return -1;
	}

	/**
	 * The hex number in {@code [start, end)} of {@code data}: 1 to {@code maxDigits}
	 * digits (at most 16).
	 * @param data the bytes
	 * @param start the first digit
	 * @param end past the last digit
	 * @param maxDigits how many digits it may have
	 * @return its value (16 digits past 2^63-1 read as Long.MAX_VALUE), or -1 when it is
	 * not one
	 */
	public static long hex(byte[] data, int start, int end, int maxDigits) {
		if (end <= start || end - start > maxDigits || maxDigits > 16) {
			return -1;
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			int digit = hexDigit(data[i]);
			if (digit < 0) {
				return -1;
			}
			value = (value << 4) | digit;
		}
		return (value < 0) ? Long.MAX_VALUE : value;
	}

	/**
	 * The unsigned decimal in {@code [start, end)} of {@code data}.
	 * @param data the bytes
	 * @param start the first digit
	 * @param end past the last digit
	 * @return its value, or -1 when it is not one or is past 2^63-1
	 */
	public static long decimal(byte[] data, int start, int end) {
		if (end <= start || end - start > 19) {
			return -1;
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			int digit = data[i] - '0';
			if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	/**
	 * Exactly {@code digits} hex digits ({@code 0}: any number up to 16).
	 * @param word a word of a small procfs file
	 * @param digits how many digits it must have, or 0
	 * @return its value
	 * @throws NumberFormatException when it is not such a number
	 */
	public static long hex(String word, int digits) {
		byte[] bytes = word.getBytes(StandardCharsets.ISO_8859_1);
		long value = (digits == 0 || bytes.length == digits) ? hex(bytes, 0, bytes.length, 16) : -1;
		if (value < 0 || value == Long.MAX_VALUE) {
			throw new NumberFormatException(word);
		}
		return value;
	}

	/**
	 * An unsigned decimal that fits an {@code int}: an interface index, a count.
	 * @param word a word of a small procfs file
	 * @return its value
	 * @throws NumberFormatException when it is not one, or is past 2^31-1
	 */
	public static int integer(String word) {
		long value = decimal(word);
		if (value > Integer.MAX_VALUE) {
			throw new NumberFormatException(word);
		}
		return (int) value;
	}

	/**
	 * An unsigned decimal, up to 2^63-1.
	 * @param word a word of a small procfs file
	 * @return its value
	 * @throws NumberFormatException when it is not one
	 */
	public static long decimal(String word) {
		byte[] bytes = word.getBytes(StandardCharsets.ISO_8859_1);
		long value = decimal(bytes, 0, bytes.length);
		if (value < 0) {
			throw new NumberFormatException(word);
		}
		return value;
	}

}
