package io.netstatd.support.inet;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An IPv4 or IPv6 address as two 64-bit halves, cheap to compare, hash and group by.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}, what a dual-stack listener shows
 * for IPv4 peers) are stored as the IPv4 address they carry, as netstat prints them.
 *
 * @param ipv4 whether this is an IPv4 address, held in the low 32 bits of {@code low}
 * @param high the first 64 bits of an IPv6 address, network order; 0 for IPv4
 * @param low the last 64 bits of an IPv6 address, or the IPv4 address, network order
 */
@Schema(type = "string", description = "canonical text form (RFC 5952 for IPv6)", example = "127.0.0.1")
public record IpAddress(boolean ipv4, long high, long low) implements Comparable<IpAddress> {

	public static final IpAddress IPV4_ANY = new IpAddress(true, 0, 0);

	public static final IpAddress IPV6_ANY = new IpAddress(false, 0, 0);

	private static final long MAPPED_PREFIX = 0x0000_ffffL;

	/**
	 * Addresses made recently, for reuse: a busy host's tables repeat a few addresses
	 * (its own, its busiest peers) thousands of times, and every copy saved is 32 bytes
	 * in each table that requests hold at once. Direct-mapped and lossy, without locks: a
	 * record's fields are final, so a slot read in a race is some whole address, checked
	 * before use.
	 */
	private static final IpAddress[] recent = new IpAddress[1024];

	/** The IPv4 address whose network-order 32 bits are {@code address}. */
	public static IpAddress ipv4(int address) {
		return shared(true, 0, Integer.toUnsignedLong(address));
	}

	/**
	 * The IPv6 address with these network-order halves, unmapped when it carries IPv4.
	 */
	public static IpAddress ipv6(long high, long low) {
		if (high == 0 && (low >>> 32) == MAPPED_PREFIX) {
			return ipv4((int) low);
		}
		return shared(false, high, low);
	}

	private static IpAddress shared(boolean ipv4, long high, long low) {
		// a multiplicative hash of both halves; its top 10 bits pick one of the 1024
		// slots
		int slot = (int) (((high ^ Long.rotateLeft(low, 29)) * 0x9E37_79B9_7F4A_7C15L) >>> 54);
		IpAddress seen = recent[slot];
		if (seen != null && seen.low == low && seen.high == high && seen.ipv4 == ipv4) {
			return seen;
		}
		IpAddress made = new IpAddress(ipv4, high, low);
		recent[slot] = made;
		return made;
	}

	/**
	 * The address written as {@code text}: dotted-quad IPv4 or RFC 4291 IPv6 (with ::,
	 * and an IPv4 tail), never a host name; {@code null} when it is neither. No DNS is
	 * asked.
	 */
	public static IpAddress parse(String text) {
		if (text.indexOf(':') < 0) {
			long v4 = parseIpv4(text);
			return (v4 < 0) ? null : ipv4((int) v4);
		}
		int[] groups = parseIpv6(text);
		if (groups == null) {
			return null;
		}
		long high = 0;
		long low = 0;
		for (int i = 0; i < 4; i++) {
			high = (high << 16) | groups[i];
			low = (low << 16) | groups[i + 4];
		}
		return ipv6(high, low);
	}

	private static long parseIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return -1;
		}
		long value = 0;
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| (part.length() > 1 && part.charAt(0) == '0')) {
				return -1;
			}
			int octet = Integer.parseInt(part);
			if (octet > 255) {
				return -1;
			}
			value = (value << 8) | octet;
		}
		return value;
	}

	/** The eight 16-bit groups of an IPv6 literal, or null. */
	private static int[] parseIpv6(String text) {
		int doubleColon = text.indexOf("::");
		if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
			return null;
		}
		String head = (doubleColon >= 0) ? text.substring(0, doubleColon) : text;
		String tail = (doubleColon >= 0) ? text.substring(doubleColon + 2) : "";
		int[] first = groups(head);
		int[] last = groups(tail);
		if (first == null || last == null) {
			return null;
		}
		int count = first.length + last.length;
		if ((doubleColon < 0 && count != 8) || (doubleColon >= 0 && count > 7)) {
			return null;
		}
		int[] groups = new int[8];
		System.arraycopy(first, 0, groups, 0, first.length);
		System.arraycopy(last, 0, groups, 8 - last.length, last.length);
		return groups;
	}

	/** Colon-separated hex groups, the last of which may be a dotted IPv4 address. */
	private static int[] groups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		boolean ipv4Tail = parts[parts.length - 1].indexOf('.') >= 0;
		int[] groups = new int[parts.length + (ipv4Tail ? 1 : 0)];
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (i == parts.length - 1 && ipv4Tail) {
				long v4 = parseIpv4(part);
				if (v4 < 0) {
					return null;
				}
				groups[i] = (int) (v4 >>> 16);
				groups[i + 1] = (int) (v4 & 0xffff);
			}
			else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpAddress::isHex)) {
				return null;
			}
			else {
				groups[i] = Integer.parseInt(part, 16);
			}
		}
		return groups;
	}

	private static boolean isHex(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	/** The address in network order: 4 bytes for IPv4, 16 for IPv6. */
	public byte[] bytes() {
		if (this.ipv4) {
			return java.nio.ByteBuffer.allocate(4).putInt((int) this.low).array();
		}
		return java.nio.ByteBuffer.allocate(16).putLong(this.high).putLong(this.low).array();
	}

	/** Whether this is {@code 0.0.0.0} or {@code ::}, the address of no peer. */
	public boolean isAny() {
		return this.high == 0 && this.low == 0;
	}

	@Override
	public int compareTo(IpAddress other) {
		if (this.ipv4 != other.ipv4) {
			return this.ipv4 ? -1 : 1;
		}
		int byHigh = Long.compareUnsigned(this.high, other.high);
		return (byHigh != 0) ? byHigh : Long.compareUnsigned(this.low, other.low);
	}

	/**
	 * The canonical text: dotted quad, or RFC 5952 (lower case, longest zero run as ::).
	 */
	@JsonValue
	@Override
	public String toString() {
		return this.ipv4 ? ipv4Text(this.low) : ipv6Text();
	}

	private static String ipv4Text(long address) {
		return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
				+ (address & 0xff);
	}

	private String ipv6Text() {
		int[] groups = new int[8];
		for (int i = 0; i < 4; i++) {
			groups[i] = (int) (this.high >>> (48 - 16 * i)) & 0xffff;
			groups[i + 4] = (int) (this.low >>> (48 - 16 * i)) & 0xffff;
		}
		// RFC 5952 4.2: shorten the longest run of two or more zero groups, the first on
		// a tie
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = (j == i) ? i + 1 : j;
		}
		StringBuilder text = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

}
