package io.netstatd.views.interfaces;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -ia}: every interface; in JSON in the kernel's order (that of
 * {@code /proc/net/dev}), in text in netstat's (by name, digit runs as numbers).
 *
 * @param interfaces the interfaces
 * @param skipped the lines of {@code /proc/net/dev} that could not be read
 */
@Schema(requiredProperties = { "interfaces", "skipped" })
public record InterfaceList(List<NetInterface> interfaces, Skipped skipped) implements TextView {

	/**
	 * net-tools keeps its interface list in {@code nstrcmp} order
	 * ({@code lib/interface.c}, {@code add_interface}): names compared byte by byte, and
	 * where they first differ in digits, the whole numbers there compared ({@code eth2}
	 * before {@code eth10}).
	 */
	static final Comparator<String> NETSTAT_ORDER = InterfaceList::nstrcmp;

	/**
	 * What {@code netstat -ia} prints, column for column ({@code ife_print_short}): the
	 * name cut at 15, the counters right-aligned, RX-OVR left-aligned as netstat has it.
	 */
	@Override
	public String plain() {
		StringBuilder text = new StringBuilder("Kernel Interface table\n"
				+ "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");
		List<NetInterface> sorted = this.interfaces.stream()
			.sorted(Comparator.comparing(NetInterface::name, NETSTAT_ORDER))
			.toList();
		for (NetInterface i : sorted) {
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

	/**
	 * net-tools' {@code nstrcmp}: past the common prefix, where {@code a} has a digit the
	 * numbers that run through that position are compared (a digit against no digit sorts
	 * first); otherwise the differing bytes.
	 */
	static int nstrcmp(String first, String second) {
		byte[] a = first.getBytes(StandardCharsets.UTF_8);
		byte[] b = second.getBytes(StandardCharsets.UTF_8);
		int i = 0;
		while (i < a.length && i < b.length && a[i] == b[i]) {
			i++;
		}
		if (i == a.length && i == b.length) {
			return 0;
		}
		int ca = (i < a.length) ? a[i] & 0xff : 0;
		int cb = (i < b.length) ? b[i] & 0xff : 0;
		if (!digit(ca)) {
			return ca - cb;
		}
		if (!digit(cb)) {
			return -1;
		}
		// back to where the number starts, in both (the prefix is common)
		int start = i;
		while (start > 0 && digit(a[start - 1] & 0xff)) {
			start--;
		}
		return (number(a, start) > number(b, start)) ? 1 : -1;
	}

	private static boolean digit(int c) {
		return c >= '0' && c <= '9';
	}

	/** {@code atoi} from {@code at}: the digits there, at most 18 of them. */
	private static long number(byte[] text, int at) {
		long value = 0;
		for (int i = at; i < text.length && i < at + 18 && digit(text[i] & 0xff); i++) {
			value = value * 10 + (text[i] - '0');
		}
		return value;
	}

	/** netstat prints {@code [NO FLAGS]} for none; sysfs not showing the device: -. */
	private static String flags(String letters) {
		if (letters == null) {
			return "-";
		}
		return letters.isEmpty() ? "[NO FLAGS]" : letters;
	}

}
