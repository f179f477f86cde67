package io.netstatd.routes;

import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.procfs.ProcText;

/**
 * Parses {@code /proc/net/ipv6_route} ({@code ipv6_route_native_seq_show}): no header;
 * per route ten columns: destination, its prefix length, source, its prefix length, next
 * hop (addresses as 32 hex digits in network order, unlike tcp6's words), then metric,
 * refcount, use and flags as {@code %08x}, and the device.
 */
public final class ProcNetIpv6RouteParser {

	private ProcNetIpv6RouteParser() {
	}

	public static ProcNetRouteParser.Result parse(String text, String file) {
		List<Route> routes = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		ProcText.forEachLine(text, (number, line) -> {
			String[] c = line.strip().split("\\s+");
			if (c.length != 10) {
				skipped.add(ProcText.skipped(file, number, "expected 10 columns, found " + c.length, line));
				return;
			}
			try {
				int prefix = (int) ProcText.hex(c[1], 2);
				if (prefix > 128) {
					throw new NumberFormatException(c[1]);
				}
				routes.add(new Route("inet6", ProcText.ipv6(c[0]).toString(), prefix, null,
						ProcText.ipv6(c[4]).toString(), RouteFlags.ipv6((int) ProcText.hex(c[8], 8)),
						ProcText.hex(c[5], 8), ProcText.hex(c[6], 8), ProcText.hex(c[7], 8), c[9], null, null, null));
			}
			catch (NumberFormatException ex) {
				skipped.add(
						ProcText.skipped(file, number, "a column is not the hex number the kernel prints there", line));
			}
		});
		return new ProcNetRouteParser.Result(routes, skipped);
	}

}
