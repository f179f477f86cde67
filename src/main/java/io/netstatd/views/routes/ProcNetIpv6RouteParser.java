package io.netstatd.views.routes;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcAddresses;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.support.inet.Family;

/**
 * Parses {@code /proc/net/ipv6_route} ({@code ipv6_route_native_seq_show}): no header;
 * per route ten columns: destination, its prefix length, source, its prefix length, next
 * hop (addresses as 32 hex digits in network order, unlike tcp6's words), then metric,
 * refcount, use and flags as {@code %08x}, and the device.
 */
public final class ProcNetIpv6RouteParser {

	private ProcNetIpv6RouteParser() {
	}

	/**
	 * Parses {@code /proc/net/ipv6_route}.
	 * @param file the file
	 * @return the routes, and the lines left out
	 */
	public static Parsed<Route> parse(ProcFile file) {
		return ProcLines.parse(file, "a column is not the hex number the kernel prints there", (number, line) -> {
			String[] c = ProcLines.words(line);
			if (c.length != 10) {
				throw new MalformedLineException("expected 10 columns, found " + c.length);
			}
			int prefix = (int) ProcNumbers.hex(c[1], 2);
			if (prefix > 128) {
				throw new NumberFormatException(c[1]);
			}
			return new Route(Family.INET6, ProcAddresses.ipv6(c[0]).toString(), prefix, null,
					ProcAddresses.ipv6(c[4]).toString(), RouteFlags.ipv6((int) ProcNumbers.hex(c[8], 8)),
					ProcNumbers.hex(c[5], 8), ProcNumbers.hex(c[6], 8), ProcNumbers.hex(c[7], 8), c[9], null, null,
					null);
		});
	}

}
