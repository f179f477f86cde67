package io.netstatd.interfaces;

import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/dev}: two header lines, then {@code name: } and sixteen
 * unsigned decimal counters per interface ({@code dev_seq_printf_stats}). An interface
 * name holds no colon ({@code dev_valid_name}), so the first colon ends it.
 */
public final class ProcNetDevParser {

	static final int COUNTERS = 16;

	private ProcNetDevParser() {
	}

	public record Result(List<DevCounters> interfaces, List<SkippedLine> skipped) {

	}

	public static Result parse(String text, String file) {
		List<DevCounters> interfaces = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		ProcText.forEachLine(text, (number, line) -> {
			if (number <= 2 && line.contains("|")) {
				return;
			}
			int colon = line.indexOf(':');
			String name = (colon > 0) ? line.substring(0, colon).strip() : "";
			if (!validName(name)) {
				skipped.add(ProcText.skipped(file, number, "no interface name before a colon", line));
				return;
			}
			String[] words = line.substring(colon + 1).strip().split("\\s+");
			if (words.length != COUNTERS) {
				skipped.add(ProcText.skipped(file, number,
						"expected " + COUNTERS + " counters, found " + (words[0].isEmpty() ? 0 : words.length), line));
				return;
			}
			long[] counters = new long[COUNTERS];
			try {
				for (int j = 0; j < COUNTERS; j++) {
					counters[j] = ProcText.decimal(words[j]);
				}
			}
			catch (NumberFormatException ex) {
				skipped.add(ProcText.skipped(file, number, "a counter is not an unsigned 63-bit integer", line));
				return;
			}
			interfaces.add(new DevCounters(name, counters));
		});
		return new Result(interfaces, skipped);
	}

	/** What dev_valid_name allows: no slash, colon or space, not . or .. */
	private static boolean validName(String name) {
		return !name.isEmpty() && name.length() <= 15 && !name.equals(".") && !name.equals("..")
				&& name.chars().allMatch((c) -> c > ' ' && c < 0x7f && c != '/' && c != ':');
	}

}
