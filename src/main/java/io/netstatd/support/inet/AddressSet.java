package io.netstatd.support.inet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Addresses and CIDR blocks, as an address parameter takes them
 * ({@code 10.0.0.0/8,2001:db8::/32}).
 *
 * @param blocks the blocks; a single address is a block of its full length
 */
public record AddressSet(List<AddressRange> blocks) {

	public AddressSet {
		blocks = List.copyOf(blocks);
	}

	/** Whether {@code address} is in one of the blocks. */
	public boolean contains(IpAddress address) {
		for (AddressRange block : this.blocks) {
			if (block.contains(address)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return this.blocks.stream().map(AddressRange::toString).collect(Collectors.joining(","));
	}

}
