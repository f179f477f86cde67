package io.netstatd.kernel.socket;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A list's sort order as {@code sort} gives it: columns or {@code tcp_info} fields, any
 * case, each with a leading {@code -} for descending, ties broken left to right.
 *
 * @param keys the keys, in order, each named once
 */
@Schema(type = "string")
public record SortKeys(List<String> keys) implements ListValue {

	/** No order: the kernel's. */
	public static final SortKeys NONE = new SortKeys(List.of());

	public SortKeys {
		keys = List.copyOf(new LinkedHashSet<>(keys));
	}

	/**
	 * The keys a parameter gives; Spring converts with it.
	 * @param text the list
	 * @return the keys
	 */
	public static SortKeys valueOf(String text) {
		String allowed = "one or more of " + String.join(", ", SocketOrder.keys())
				+ ", each with a leading - for descending, comma-separated";
		return new SortKeys(Items.read(text, (key) -> (SocketOrder.of(key) != null) ? List.of(key) : null, allowed));
	}

	/**
	 * Whether sorting needs each row's {@code tcp_info}.
	 * @return whether a key names a {@code tcp_info} field
	 */
	public boolean needsInfo() {
		return SocketOrder.needsInfo(this.keys);
	}

	/**
	 * The order.
	 * @return the comparator, or null for none
	 */
	public Comparator<InetSocket> order() {
		return SocketOrder.of(this.keys);
	}

}
