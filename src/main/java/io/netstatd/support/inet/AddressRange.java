package io.netstatd.support.inet;

/**
 * An address or a CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), as ss's
 * {@code src}/{@code dst} selection takes them. An IPv4 block matches IPv4-mapped peers
 * of dual-stack sockets too, since those are stored as IPv4.
 *
 * @param network the first address of the block
 * @param prefixLength how many leading bits must match: 0 to 32 for IPv4, to 128 for IPv6
 */
public record AddressRange(IpAddress network, int prefixLength) {

	/**
	 * Parses {@code address} or {@code address/prefix}; {@code null} when it is neither.
	 * An IPv4-mapped IPv6 block of prefix 96 or more is the IPv4 block it maps.
	 */
	public static AddressRange parse(String text) {
		int slash = text.indexOf('/');
		IpAddress address = IpAddress.parse((slash < 0) ? text : text.substring(0, slash));
		if (address == null) {
			return null;
		}
		boolean mapped = address.ipv4() && text.indexOf(':') >= 0;
		int bits = address.ipv4() ? 32 : 128;
		int prefix = bits;
		if (slash >= 0) {
			String length = text.substring(slash + 1);
			if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return null;
			}
			prefix = Integer.parseInt(length) - (mapped ? 96 : 0);
			if (prefix < 0 || prefix > bits) {
				return null;
			}
		}
		return new AddressRange(address, prefix);
	}

	/** Whether {@code address} is in this block. */
	public boolean contains(IpAddress address) {
		if (address.ipv4() != this.network.ipv4()) {
			return false;
		}
		if (address.ipv4()) {
			return samePrefix(address.low() << 32, this.network.low() << 32, this.prefixLength);
		}
		if (this.prefixLength <= 64) {
			return samePrefix(address.high(), this.network.high(), this.prefixLength);
		}
		return address.high() == this.network.high()
				&& samePrefix(address.low(), this.network.low(), this.prefixLength - 64);
	}

	private static boolean samePrefix(long a, long b, int bits) {
		return bits == 0 || ((a ^ b) >>> (64 - bits)) == 0;
	}

	@Override
	public String toString() {
		return this.network + "/" + this.prefixLength;
	}

}
