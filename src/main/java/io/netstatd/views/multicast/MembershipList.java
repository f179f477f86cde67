package io.netstatd.views.multicast;

import java.util.List;
import java.util.Locale;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -gn}: IPv4 memberships, then IPv6 ones, in the kernel's order.
 *
 * @param memberships the memberships
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "memberships", "skipped" })
public record MembershipList(List<Membership> memberships, Skipped skipped) implements TextView {

	/** What {@code netstat -gn} prints, column for column. */
	@Override
	public String plain() {
		StringBuilder text = new StringBuilder(
				"IPv6/IPv4 Group Memberships\nInterface       RefCnt Group\n--------------- ------ ---------------------\n");
		for (Membership m : this.memberships) {
			text.append(String.format(Locale.ROOT, "%-15s %-6d %s\n", m.iface(), m.users(), m.group()));
		}
		return text.toString();
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("family", "iface", "index", "group", "users");
		this.memberships.forEach((m) -> table.add(m.family(), m.iface(), m.index(), m.group(), m.users()));
		return table;
	}

}
