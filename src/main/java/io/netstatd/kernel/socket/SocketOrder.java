package io.netstatd.kernel.socket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The orders a socket list can be sorted in: a column, ascending, or descending with a
 * leading {@code -} ({@code -recvQ}: the most congested first); several, comma-separated,
 * break ties left to right.
 */
public final class SocketOrder {

	/** Every column a list can be sorted by, by name. */
	public static final Map<String, Comparator<InetSocket>> COLUMNS = columns();

	/**
	 * The {@code tcp_info} fields a list can be sorted by ({@code ss -ti}): sorting by
	 * one reads them ({@code info=true}); rows without them (UDP, TIME_WAIT) come last
	 * either way.
	 */
	public static final Map<String, Function<TcpInfo, Number>> INFO_COLUMNS = infoColumns();

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

	private static Map<String, Function<TcpInfo, Number>> infoColumns() {
		Map<String, Function<TcpInfo, Number>> columns = new LinkedHashMap<>();
		columns.put("rtt", TcpInfo::rtt);
		columns.put("rttVar", TcpInfo::rttVar);
		columns.put("minRtt", TcpInfo::minRtt);
		columns.put("rto", TcpInfo::rto);
		columns.put("cwnd", TcpInfo::cwnd);
		columns.put("retransmits", TcpInfo::retransmits);
		columns.put("totalRetransmits", TcpInfo::totalRetransmits);
		columns.put("lost", TcpInfo::lost);
		columns.put("unacked", TcpInfo::unacked);
		columns.put("bytesSent", TcpInfo::bytesSent);
		columns.put("bytesAcked", TcpInfo::bytesAcked);
		columns.put("bytesReceived", TcpInfo::bytesReceived);
		columns.put("bytesRetransmitted", TcpInfo::bytesRetransmitted);
		columns.put("segsOut", TcpInfo::segsOut);
		columns.put("segsIn", TcpInfo::segsIn);
		columns.put("deliveryRate", TcpInfo::deliveryRate);
		columns.put("notSentBytes", TcpInfo::notSentBytes);
		columns.put("lastSend", TcpInfo::lastSend);
		columns.put("lastReceive", TcpInfo::lastReceive);
		return Collections.unmodifiableMap(columns);
	}

	/**
	 * Every key a list can be sorted by: the columns, then the {@code tcp_info} fields.
	 * @return the names
	 */
	public static List<String> keys() {
		List<String> keys = new ArrayList<>(COLUMNS.keySet());
		keys.addAll(INFO_COLUMNS.keySet());
		return List.copyOf(keys);
	}

	/**
	 * Whether sorting by {@code keys} needs each row's {@code tcp_info}.
	 * @param keys the keys, each maybe with a leading {@code -}
	 * @return whether one names a {@code tcp_info} field
	 */
	public static boolean needsInfo(Collection<String> keys) {
		return keys.stream()
			.anyMatch((key) -> find(INFO_COLUMNS, key.startsWith("-") ? key.substring(1) : key) != null);
	}

	/**
	 * The comparator a column name means, reversed for {@code -name}; null when unknown.
	 */
	public static Comparator<InetSocket> of(String key) {
		boolean descending = key.startsWith("-");
		String name = descending ? key.substring(1) : key;
		Comparator<InetSocket> column = find(COLUMNS, name);
		if (column != null) {
			return descending ? column.reversed() : column;
		}
		Function<TcpInfo, Number> field = find(INFO_COLUMNS, name);
		if (field == null) {
			return null;
		}
		Comparator<Double> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
		return Comparator.comparing((InetSocket socket) -> infoValue(socket, field), Comparator.nullsLast(values));
	}

	private static Double infoValue(InetSocket socket, Function<TcpInfo, Number> field) {
		if (socket.details() == null || socket.details().tcpInfo() == null) {
			return null;
		}
		Number value = field.apply(socket.details().tcpInfo());
		return (value != null) ? value.doubleValue() : null;
	}

	private static <V> V find(Map<String, V> columns, String name) {
		return columns.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
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
