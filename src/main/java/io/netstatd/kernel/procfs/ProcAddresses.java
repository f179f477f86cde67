package io.netstatd.kernel.procfs;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.netstatd.support.inet.IpAddress;

/**
 * The two ways procfs prints an address in hex. The socket tables, {@code route} and
 * {@code igmp} print 32-bit words as {@code %08X} of the kernel's integer, which holds
 * the address in network order: on a little-endian host {@code 0100007F} is 127.0.0.1,
 * and {@code tcp6} prints an IPv6 address as four such words. {@code ipv6_route} and
 * {@code igmp6} print the 16 bytes one by one ({@code %pi6} without colons), in network
 * order.
 */
public final class ProcAddresses {

	private ProcAddresses() {
	}

	/**
	 * An IPv4 address printed as one word.
	 * @param printed the word's value as printed
	 * @param order the byte order of the host that printed it
	 * @return the address
	 */
	public static IpAddress ipv4Word(int printed, ByteOrder order) {
		return IpAddress.ipv4(networkOrder(printed, order));
	}

	/**
	 * An IPv6 address printed as four words ({@code tcp6}, {@code udp6}); an IPv4-mapped
	 * one is the IPv4 address it carries.
	 * @param words the four words' values as printed
	 * @param order the byte order of the host that printed them
	 * @return the address
	 */
	public static IpAddress ipv6Words(int[] words, ByteOrder order) {
		long high = ((long) networkOrder(words[0], order) << 32)
				| Integer.toUnsignedLong(networkOrder(words[1], order));
		long low = ((long) networkOrder(words[2], order) << 32) | Integer.toUnsignedLong(networkOrder(words[3], order));
		return IpAddress.ipv6(high, low);
	}

	/**
	 * An IPv4 address printed as {@code %08X} of one word.
	 * @param hex the 8 hex digits
	 * @param order the byte order of the host that printed it
	 * @return the address
	 * @throws NumberFormatException when it is not 8 hex digits
	 */
	public static IpAddress ipv4(String hex, ByteOrder order) {
		return ipv4Word((int) ProcNumbers.hex(hex, 8), order);
	}

	/**
	 * An IPv6 address printed byte by byte, as 32 hex digits in network order; kept as
	 * printed, so that a route to {@code ::ffff:0:0/96} stays an IPv6 route.
	 * @param hex the 32 hex digits
	 * @return the address
	 * @throws NumberFormatException when it is not 32 hex digits
	 */
	public static IpAddress ipv6(String hex) {
		byte[] digits = hex.getBytes(StandardCharsets.ISO_8859_1);
		if (digits.length != 32) {
			throw new NumberFormatException(hex);
		}
		return new IpAddress(false, half(digits, 0, hex), half(digits, 16, hex));
	}

	/** 16 hex digits from {@code start}, read as two words so that all 64 bits fit. */
	private static long half(byte[] digits, int start, String hex) {
		long upper = ProcNumbers.hex(digits, start, start + 8, 8);
		long lower = ProcNumbers.hex(digits, start + 8, start + 16, 8);
		if (upper < 0 || lower < 0) {
			throw new NumberFormatException(hex);
		}
		return (upper << 32) | lower;
	}

	private static int networkOrder(int printed, ByteOrder order) {
		return (order == ByteOrder.LITTLE_ENDIAN) ? Integer.reverseBytes(printed) : printed;
	}

}
