package io.netstatd.socket.procfs;

/**
 * Hex digits as procfs prints them ({@code %X}, {@code %x}): the one helper both socket
 * table parsers read their columns with.
 */
final class Hex {

	private Hex() {
	}

	/** The value of hex digit {@code b}, or -1 when it is none. */
	static int digit(byte b) {
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

}
