package io.netstatd.support.text;

import java.nio.charset.StandardCharsets;

/**
 * Bytes a program chose (a socket's bound name, a command line) as text that cannot pass
 * for anything else: what views and reports show of them.
 */
public final class Printable {

	private Printable() {
	}

	/**
	 * A bound name as shown: {@code @} for each NUL (how procfs prints an abstract name),
	 * UTF-8 kept, and every other byte that is a control character or not UTF-8 as
	 * {@code \xNN}, a backslash as {@code \\}: no byte of a name can pass for another.
	 */
	public static String bytes(byte[] raw, int offset, int length) {
		StringBuilder name = new StringBuilder(length);
		int end = offset + length;
		int i = offset;
		while (i < end) {
			int b = raw[i] & 0xff;
			int sequence = (b >= 0x80) ? utf8Length(raw, i, end) : 1;
			if (b == 0) {
				name.append('@');
			}
			else if (b == '\\') {
				name.append("\\\\");
			}
			else if (b < 0x20 || b == 0x7f || sequence == 0) {
				name.append(String.format("\\x%02x", b));
				sequence = 1;
			}
			else {
				name.append(new String(raw, i, sequence, StandardCharsets.UTF_8));
			}
			i += sequence;
		}
		return name.toString();
	}

	/**
	 * A unix socket's bound name as shown: {@link #bytes}, and a name whose first byte is
	 * a literal {@code @} (a relative path such as {@code @SUM(1)}) writes it
	 * {@code \x40}, so that it cannot read as an abstract name, whose NUL is shown as
	 * {@code @}.
	 */
	public static String socketName(byte[] raw, int offset, int length) {
		String name = bytes(raw, offset, length);
		return (length > 0 && raw[offset] == '@') ? "\\x40" + name.substring(1) : name;
	}

	/**
	 * The length of the UTF-8 sequence starting at {@code i}, or 0 when there is none.
	 */
	private static int utf8Length(byte[] raw, int i, int end) {
		int b = raw[i] & 0xff;
		int length = (b >= 0xc2 && b <= 0xdf) ? 2 : (b >= 0xe0 && b <= 0xef) ? 3 : (b >= 0xf0 && b <= 0xf4) ? 4 : 0;
		if (length == 0 || i + length > end) {
			return 0;
		}
		for (int k = 1; k < length; k++) {
			if ((raw[i + k] & 0xc0) != 0x80) {
				return 0;
			}
		}
		return length;
	}

}
