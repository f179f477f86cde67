package io.netstatd.support.inet;

import java.util.List;
import java.util.stream.Collectors;

import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Ports and ranges of ports, as a port parameter takes them ({@code 80,443,8000-8099}).
 *
 * @param ranges the ranges; a single port is a range of one
 */
@Schema(type = "string", pattern = "^[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*$")
public record PortSet(List<PortRange> ranges) implements ListValue {

	static final String ALLOWED = "ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated";

	public PortSet {
		ranges = List.copyOf(ranges);
	}

	/**
	 * The ports a parameter gives ({@code 80,443,8000-8099}); Spring converts with it.
	 * @param text the list
	 * @return the ports
	 */
	public static PortSet valueOf(String text) {
		return new PortSet(Items.read(text, (item) -> {
			PortRange range = PortRange.parse(item);
			return (range != null) ? List.of(range) : null;
		}, ALLOWED));
	}

	/** Whether {@code port} is in one of the ranges. */
	public boolean contains(int port) {
		for (PortRange range : this.ranges) {
			if (range.contains(port)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The one port this set is, or {@code null} when it is more (a range, a list).
	 * @return the port or null
	 */
	public Integer single() {
		if (this.ranges.size() == 1 && this.ranges.get(0).from() == this.ranges.get(0).to()) {
			return this.ranges.get(0).from();
		}
		return null;
	}

	@Override
	public String toString() {
		return this.ranges.stream().map(PortRange::toString).collect(Collectors.joining(","));
	}

}
