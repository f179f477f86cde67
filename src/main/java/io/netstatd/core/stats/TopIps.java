package io.netstatd.core.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Connections counted by remote address: {@code netstat -anp | grep 80 | awk '{print $5}'
 * | awk -F: '{print $1}' | sort | uniq -c | sort -nr | head -20} as it is meant: only
 * local port 80 (not 8080, not a PID holding "80"), whole IPv6 addresses, IPv4-mapped
 * ones counted with IPv4.
 *
 * @param port the local port counted; absent when all were
 * @param total how many connections were counted, the ones past the limit included
 * @param ips the remote addresses, by count, largest first, then as {@code sort -rn}
 * breaks ties (the address whose text sorts last in bytes first)
 * @param skipped the procfs lines that could not be read
 */
@Schema(requiredProperties = { "total", "ips", "skipped" })
public record TopIps(@JsonInclude(JsonInclude.Include.NON_NULL) Integer port, long total, List<IpCount> ips,
		Skipped skipped) implements TextView {

	/**
	 * The recipe's output: {@code uniq -c} lines after {@code sort -nr}, its
	 * {@code head -N}.
	 */
	@Override
	public String plain() {
		return TextTable.uniqCount(this.ips);
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("ip", "count");
		this.ips.forEach((ip) -> table.add(ip.ip(), ip.count()));
		return table;
	}

	/**
	 * Counts {@code connections}, which the caller has filtered, keeping the first
	 * {@code limit}.
	 */
	public static TopIps of(Integer port, List<InetSocket> connections, int limit, Skipped skipped) {
		Counter counter = new Counter(port, limit);
		connections.forEach(counter);
		return counter.result(skipped);
	}

	/**
	 * Counts connections by remote address as they are given, the ones the caller
	 * selected; keeps the first {@code limit} addresses.
	 */
	public static final class Counter implements SocketCounter<TopIps> {

		private final Integer port;

		private final int limit;

		private final Map<IpAddress, long[]> counts = new HashMap<>();

		private long total;

		public Counter(Integer port, int limit) {
			this.port = port;
			this.limit = limit;
		}

		@Override
		public void accept(InetSocket connection) {
			// a long[1] per address, not a boxed Long per connection
			this.counts.computeIfAbsent(connection.remoteAddress(), (ip) -> new long[1])[0]++;
			this.total++;
		}

		@Override
		public TopIps result(Skipped skipped) {
			List<IpCount> ips = new ArrayList<>(this.counts.size());
			this.counts.forEach((ip, count) -> ips.add(new IpCount(ip, count[0])));
			ips.sort(TextTable.CountedLine.RECIPE_ORDER);
			return new TopIps(this.port, this.total, List.copyOf(ips.subList(0, Math.min(this.limit, ips.size()))),
					skipped);
		}

	}

	/**
	 * A remote address and how many connections come from it.
	 *
	 * @param ip the remote address
	 * @param count how many connections come from it
	 */
	@Schema(requiredProperties = { "ip", "count" })
	public record IpCount(IpAddress ip, long count) implements TextTable.CountedLine {

		@Override
		public String value() {
			return this.ip.toString();
		}

	}

}
