package io.netstatd.socket;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders a socket list can be sorted in: a column, ascending, or descending with a
 * leading {@code -} ({@code -recvQ}: the most congested first); several, comma-separated,
 * break ties left to right.
 */
public final class SocketOrder {

	/** Every column a list can be sorted by, by name. */
	public static final Map<String, Comparator<InetSocket>> COLUMNS = columns();

	private SocketOrder() {
	}

	private static Map<String, Comparator<InetSocket>> columns() {
		Map<String, Comparator<InetSocket>> columns = new LinkedHashMap<>();
		columns.put("protocol", Comparator.comparing(InetSocket::protocol));
		columns.put("localAddress", Comparator.comparing(InetSocket::localAddress));
		columns.put("localPort", Comparator.comparingInt(InetSocket::localPort));
		columns.put("remoteAddress", Comparator.comparing(InetSocket::remoteAddress));
		columns.put("remotePort", Comparator.comparingInt(InetSocket::remotePort));
		columns.put("state", Comparator.comparing(InetSocket::state));
		columns.put("recvQ", Comparator.comparingLong(InetSocket::recvQ));
		columns.put("sendQ", Comparator.comparingLong(InetSocket::sendQ));
		columns.put("uid", Comparator.comparingLong(InetSocket::uid));
		columns.put("inode", Comparator.comparingLong(InetSocket::inode));
		return Collections.unmodifiableMap(columns);
	}

	/**
	 * The comparator a column name means, reversed for {@code -name}; null when unknown.
	 */
	public static Comparator<InetSocket> of(String key) {
		boolean descending = key.startsWith("-");
		String name = descending ? key.substring(1) : key;
		Comparator<InetSocket> column = COLUMNS.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (column == null) {
			return null;
		}
		return descending ? column.reversed() : column;
	}

	/**
	 * A sort order: columns, each ascending or descending with a leading {@code -}, ties
	 * broken left to right; in any case.
	 * @param keys the keys, in order
	 * @return the order, or null when a key names no column
	 */
	public static Comparator<InetSocket> of(List<String> keys) {
		Comparator<InetSocket> order = null;
		for (String key : keys) {
			Comparator<InetSocket> column = of(key);
			if (column == null) {
				return null;
			}
			order = (order != null) ? order.thenComparing(column) : column;
		}
		return order;
	}

}
