package io.netstatd.support.inet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ports and ranges of ports, as a port parameter takes them ({@code 80,443,8000-8099}).
 *
 * @param ranges the ranges; a single port is a range of one
 */
public record PortSet(List<PortRange> ranges) {

	public PortSet {
		ranges = List.copyOf(ranges);
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
