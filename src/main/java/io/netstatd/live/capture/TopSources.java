package io.netstatd.live.capture;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code /capture/top-sources}: {@code tcpdump -i eth0 -tnn dst port 80 -c
 * 1000 | awk -F"." '{print $1"."$2"."$3"."$4}' | sort | uniq -c | sort -nr | head -20},
 * with whole IPv6 addresses and the bytes.
 *
 * @param iface the interface captured on, {@code any} for all
 * @param port the port, absent when every packet of the protocols was counted
 * @param filter the tcpdump expression whose program the kernel ran
 * @param packets how many packets were captured
 * @param seconds how long the capture took
 * @param stopped why it stopped: {@code packets} (as many as asked), {@code seconds} (as
 * long as asked), {@code client} (the client closed its side of the connection first: a
 * client gone, or one that half-closed after its request as {@code nc -N} does, which the
 * service cannot tell apart; counted up to then)
 * @param complete false when the client cut the capture short
 * @param dropped packets the filter accepted that found the ring full (the kernel's
 * count): not in packets
 * @param total how many packets were counted by address, the ones past the limit included
 * @param addresses how many distinct addresses they came from (or went to)
 * @param ips the addresses, by packets, largest first, then as {@code sort -rn} breaks
 * ties (the {@code IP} line that sorts last in bytes first)
 */
@Schema(requiredProperties = { "iface", "filter", "packets", "seconds", "stopped", "complete", "dropped", "total",
		"addresses", "ips" })
public record TopSources(String iface, @JsonInclude(JsonInclude.Include.NON_NULL) Integer port, String filter,
		long packets, double seconds, Stop stopped, boolean complete, long dropped, long total, long addresses,
		List<IpPackets> ips) implements TextView {

	/** Nothing is read from procfs. */
	@Override
	public Skipped skipped() {
		return Skipped.NONE;
	}

	/** The recipe's output: {@code uniq -c} lines of tcpdump's protocol and address. */
	@Override
	public String plain() {
		return TextTable.uniqCount(this.ips);
	}

	@Override
	public TextTable csv() {
		return TextTable.of(List.of("ip", "count", "bytes"), this.ips,
				(ip) -> new Object[] { ip.ip(), ip.count(), ip.bytes() });
	}

	/** {@code Netstatd-Complete: false} on a capture its client cut short. */
	@Override
	public boolean complete() {
		return this.complete;
	}

	static TopSources of(CaptureQuery query, SourceCounter counter, long nanos, long dropped, Stop stopped) {
		List<IpPackets> ips = new ArrayList<>(counter.counts().size());
		long[] total = { 0 };
		counter.counts().forEach((ip, count) -> {
			ips.add(new IpPackets(ip, count[0], count[1]));
			total[0] += count[0];
		});
		ips.sort(TextTable.CountedLine.RECIPE_ORDER);
		// milliseconds are what a person reads; the rest is noise
		double seconds = Math.round(nanos / 1_000_000.0) / 1000.0;
		return new TopSources(query.iface(), query.filter().port(), query.filter().expression(), counter.packets(),
				seconds, stopped, stopped != Stop.CLIENT, dropped, total[0], ips.size(),
				List.copyOf(ips.subList(0, Math.min(query.limit(), ips.size()))));
	}

	/** Why a capture stopped. */
	public enum Stop {

		/** As many packets as asked. */
		@JsonProperty("packets")
		PACKETS,

		/** As long as asked. */
		@JsonProperty("seconds")
		SECONDS,

		/** The client closed its side of the connection first. */
		@JsonProperty("client")
		CLIENT

	}

	/**
	 * An address and the packets counted for it.
	 *
	 * @param ip the address
	 * @param count how many packets
	 * @param bytes their length, IP headers included
	 */
	@Schema(requiredProperties = { "ip", "count", "bytes" })
	public record IpPackets(IpAddress ip, long count, long bytes) implements TextTable.CountedLine {

		/**
		 * As the recipe's awk leaves tcpdump's line: {@code IP 10.0.0.1},
		 * {@code IP6 ::1}.
		 */
		@Override
		public String value() {
			return (this.ip.ipv4() ? "IP " : "IP6 ") + this.ip;
		}

	}

}
