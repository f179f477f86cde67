package io.netstatd.support.inet;

import java.util.List;
import java.util.stream.Collectors;

import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Addresses and CIDR blocks, as an address parameter takes them
 * ({@code 10.0.0.0/8,2001:db8::/32}).
 *
 * @param blocks the blocks; a single address is a block of its full length
 */
@Schema(type = "string")
public record AddressSet(List<AddressRange> blocks) implements ListValue {

	static final String ALLOWED = "IPv4 or IPv6 addresses and CIDR blocks such as 10.0.0.0/8 or 2001:db8::/32 "
			+ "(no host names), comma-separated";

	/**
	 * The addresses a parameter gives; Spring converts with it.
	 * @param text the list
	 * @return the addresses
	 */
	public static AddressSet valueOf(String text) {
		return new AddressSet(Items.read(text, (item) -> {
			AddressRange range = AddressRange.parse(item);
			return (range != null) ? List.of(range) : null;
		}, ALLOWED));
	}

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
