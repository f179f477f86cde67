package io.netstatd.views.routes;

import java.nio.ByteOrder;

import io.netstatd.kernel.procfs.MalformedLineException;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcAddresses;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.support.inet.Family;
import io.netstatd.support.inet.IpAddress;

/**
 * Parses {@code /proc/net/route} ({@code fib_route_seq_show}): a header, then per route
 * eleven tab-separated columns: Iface, Destination, Gateway (each {@code %08X} of a
 * 32-bit word in host byte order), Flags ({@code %04X}), RefCnt, Use, Metric, Mask (host
 * order), MTU, Window, IRTT.
 */
public final class ProcNetRouteParser {

	private ProcNetRouteParser() {
	}

	/**
	 * Parses {@code /proc/net/route}.
	 * @param file the file
	 * @param order the byte order of the host that printed it
	 * @return the routes, and the lines left out
	 */
	public static Parsed<Route> parse(ProcFile file, ByteOrder order) {
		return ProcLines.parse(file, "a column is not the number the kernel prints there", (number, line) -> {
			if (number == 1 && line.startsWith("Iface")) {
				return null;
			}
			String[] c = ProcLines.words(line);
			if (c.length != 11) {
				throw new MalformedLineException("expected 11 columns, found " + c.length);
			}
			IpAddress mask = ProcAddresses.ipv4(c[7], order);
			return new Route(Family.INET, ProcAddresses.ipv4(c[1], order).toString(),
					Integer.bitCount((int) mask.low()), mask.toString(), ProcAddresses.ipv4(c[2], order).toString(),
					RouteFlags.ipv4((int) ProcNumbers.hex(c[3], 0)), ProcNumbers.decimal(c[6]),
					ProcNumbers.decimal(c[4]), ProcNumbers.decimal(c[5]), c[0], ProcNumbers.decimal(c[8]),
					ProcNumbers.decimal(c[9]), ProcNumbers.decimal(c[10]));
		});
	}

}
