package io.netstatd.routes;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.IpAddress;
import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/route} ({@code fib_route_seq_show}): a header, then per route
 * eleven tab-separated columns: Iface, Destination, Gateway (each {@code %08X} of a
 * 32-bit word in host byte order), Flags ({@code %04X}), RefCnt, Use, Metric, Mask (host
 * order), MTU, Window, IRTT.
 */
public final class ProcNetRouteParser {

	private ProcNetRouteParser() {
	}

	public record Result(List<Route> routes, List<SkippedLine> skipped) {

	}

	public static Result parse(String text, String file, ByteOrder order) {
		List<Route> routes = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		ProcText.forEachLine(text, (number, line) -> {
			if (number == 1 && line.startsWith("Iface")) {
				return;
			}
			String[] c = line.strip().split("\\s+");
			if (c.length != 11) {
				skipped.add(ProcText.skipped(file, number, "expected 11 columns, found " + c.length, line));
				return;
			}
			try {
				IpAddress mask = ProcText.ipv4(c[7], order);
				int maskBits = (int) mask.low();
				routes.add(new Route("inet", ProcText.ipv4(c[1], order).toString(), Integer.bitCount(maskBits),
						mask.toString(), ProcText.ipv4(c[2], order).toString(),
						RouteFlags.ipv4((int) ProcText.hex(c[3], 0)), ProcText.decimal(c[6]), ProcText.decimal(c[4]),
						ProcText.decimal(c[5]), c[0], ProcText.decimal(c[8]), ProcText.decimal(c[9]),
						ProcText.decimal(c[10])));
			}
			catch (NumberFormatException ex) {
				skipped.add(ProcText.skipped(file, number, "a column is not the number the kernel prints there", line));
			}
		});
		return new Result(routes, skipped);
	}

}
