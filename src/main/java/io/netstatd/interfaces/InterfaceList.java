package io.netstatd.interfaces;

import java.util.List;
import java.util.Locale;

import io.netstatd.procfs.Skipped;
import io.netstatd.text.TextTable;
import io.netstatd.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -ia}: every interface, in the kernel's order.
 *
 * @param interfaces the interfaces
 * @param skipped the lines of {@code /proc/net/dev} that could not be read
 */
@Schema(requiredProperties = { "interfaces", "skipped" })
public record InterfaceList(List<NetInterface> interfaces, Skipped skipped) implements TextView {

	/**
	 * What {@code netstat -ia} prints, column for column ({@code ife_print_short}): the
	 * name cut at 15, the counters right-aligned, RX-OVR left-aligned as netstat has it.
	 */
	@Override
	public String plain() {
		StringBuilder text = new StringBuilder("Kernel Interface table\n"
				+ "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");
		for (NetInterface i : this.interfaces) {
			String name = (i.name().length() > 15) ? i.name().substring(0, 15) : i.name();
			text.append(String.format(Locale.ROOT, "%-15s %5d %8d %6d %6d %-6d %8d %6d %6d %6d %s\n", name,
					(i.mtu() != null) ? i.mtu() : 0, i.rxOk(), i.rxErrors(), i.rxDropped(), i.rxOverruns(), i.txOk(),
					i.txErrors(), i.txDropped(), i.txOverruns(), flags(i.flags())));
		}
		return text.toString();
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("name", "mtu", "flags", "up", "rxOk", "rxErrors", "rxDropped", "rxOverruns",
				"txOk", "txErrors", "txDropped", "txOverruns", "rxBytes", "txBytes", "rxFrame", "rxMulticast",
				"txCollisions", "txCarrier");
		for (NetInterface i : this.interfaces) {
			table.add(i.name(), i.mtu(), i.flags(), i.up(), i.rxOk(), i.rxErrors(), i.rxDropped(), i.rxOverruns(),
					i.txOk(), i.txErrors(), i.txDropped(), i.txOverruns(), i.rxBytes(), i.txBytes(), i.rxFrame(),
					i.rxMulticast(), i.txCollisions(), i.txCarrier());
		}
		return table;
	}

	/** netstat prints {@code [NO FLAGS]} for none; sysfs not showing the device: -. */
	private static String flags(String letters) {
		if (letters == null) {
			return "-";
		}
		return letters.isEmpty() ? "[NO FLAGS]" : letters;
	}

}
