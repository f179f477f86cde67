package io.netstatd.views.counters;

import java.util.Map;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -s}: every counter of {@code /proc/net/snmp}, {@code /proc/net/netstat}
 * and {@code /proc/net/snmp6}, by protocol.
 *
 * @param protocols the kernel's counters by group ({@code Ip}, {@code Tcp},
 * {@code TcpExt}, {@code Ip6}, ...), under its own names, in its order
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "protocols", "skipped" })
public record ProtocolCounters(Map<String, Map<String, Long>> protocols, Skipped skipped) implements TextView {

	/**
	 * {@code netstat -s}'s layout: each group's name and a colon, then its counters
	 * indented by four spaces, as netstat prints the counters it has no sentence for
	 * ({@code    InCsumErrors: 0}): the kernel's names, not netstat's prose, so that a
	 * script's grep finds the name nstat and the JSON use.
	 */
	@Override
	public String plain() {
		return CounterText.grouped(this.protocols, "%s:\n", "    %s: %d\n");
	}

	@Override
	public TextTable csv() {
		return CounterText.rows(this.protocols);
	}

}
