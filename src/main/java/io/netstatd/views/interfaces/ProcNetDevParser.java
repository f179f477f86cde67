package io.netstatd.views.interfaces;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;

/**
 * Parses {@code /proc/net/dev}: two header lines, then {@code name: } and sixteen
 * unsigned decimal counters per interface ({@code dev_seq_printf_stats}). An interface
 * name holds no colon ({@code dev_valid_name}), so the first colon ends it.
 */
public final class ProcNetDevParser {

	static final int COUNTERS = 16;

	private ProcNetDevParser() {
	}

	/**
	 * Parses {@code /proc/net/dev}.
	 * @param file the file
	 * @return the interfaces' counters, and the lines left out
	 */
	public static Parsed<DevCounters> parse(ProcFile file) {
		return ProcLines.parse(file, "a counter is not an unsigned 63-bit integer", (number, line) -> {
			if (number <= 2 && line.contains("|")) {
				return null;
			}
			int colon = line.indexOf(':');
			String name = (colon > 0) ? line.substring(0, colon).strip() : "";
			if (!validName(name)) {
				throw new MalformedLineException("no interface name before a colon");
			}
			String[] words = ProcLines.words(line.substring(colon + 1));
			if (words.length != COUNTERS) {
				throw new MalformedLineException("expected " + COUNTERS + " counters, found " + words.length);
			}
			long[] counters = new long[COUNTERS];
			for (int j = 0; j < COUNTERS; j++) {
				counters[j] = ProcNumbers.decimal(words[j]);
			}
			return new DevCounters(name, counters);
		});
	}

	/** What dev_valid_name allows: no slash, colon or space, not . or .. */
	private static boolean validName(String name) {
		return !name.isEmpty() && name.length() <= 15 && !name.equals(".") && !name.equals("..")
				&& name.chars().allMatch((c) -> c > ' ' && c < 0x7f && c != '/' && c != ':');
	}

}
