package io.netstatd.views.masquerade;

import java.util.List;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -M}: the tracked connections NAT rewrote.
 *
 * @param total how many connections the kernel tracks
 * @param count how many of them NAT rewrote, listed here
 * @param connections the rewritten connections
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "total", "count", "connections", "skipped" })
public record MasqueradeList(int total, int count, List<TrackedConnection> connections,
		Skipped skipped) implements TextView {

	/**
	 * A row per connection as {@code netstat -M} lays them out: protocol, expiry, both
	 * directions ({@code source:port > destination:port}), what NAT did, the state.
	 */
	@Override
	public String plain() {
		TextTable table = new TextTable("prot", "expire", "original", "reply", "nat", "state");
		for (TrackedConnection c : this.connections) {
			table.add(c.protocol(), c.expiresSeconds(), direction(c.original()), direction(c.reply()), nat(c),
					(c.state() != null) ? c.state() : "");
		}
		return table.aligned();
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("family", "protocol", "expiresSeconds", "state", "originalSource",
				"originalSourcePort", "originalDestination", "originalDestinationPort", "replySource",
				"replySourcePort", "replyDestination", "replyDestinationPort", "snat", "dnat", "assured", "unreplied",
				"mark", "zone");
		for (TrackedConnection c : this.connections) {
			table.add(c.family(), c.protocol(), c.expiresSeconds(), c.state(), c.original().source(),
					c.original().sourcePort(), c.original().destination(), c.original().destinationPort(),
					c.reply().source(), c.reply().sourcePort(), c.reply().destination(), c.reply().destinationPort(),
					c.snat(), c.dnat(), c.assured(), c.unreplied(), c.mark(), c.zone());
		}
		return table;
	}

	private static String direction(Tuple tuple) {
		return endpoint(tuple.source(), tuple.sourcePort()) + ">"
				+ endpoint(tuple.destination(), tuple.destinationPort());
	}

	/**
	 * {@code 10.0.0.5:80}, {@code [fd00::5]:80} as ss writes it, or the address alone.
	 */
	private static String endpoint(String address, Integer port) {
		if (port == null) {
			return address;
		}
		return (address.indexOf(':') >= 0) ? "[" + address + "]:" + port : address + ":" + port;
	}

	private static String nat(TrackedConnection c) {
		if (c.snat() && c.dnat()) {
			return "SNAT+DNAT";
		}
		return c.snat() ? "SNAT" : "DNAT";
	}

}
