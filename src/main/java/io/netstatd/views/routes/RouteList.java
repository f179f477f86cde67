package io.netstatd.views.routes;

import java.util.List;
import java.util.Locale;

import io.netstatd.support.inet.Family;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -rn} and {@code netstat -6rn}: the IPv4 routes, then the IPv6 ones, in
 * the kernel's order.
 *
 * @param routes the routes
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "routes", "skipped" })
public record RouteList(List<Route> routes, Skipped skipped) implements TextView {

	/**
	 * What {@code netstat -rn} then {@code netstat -6rn} print, column for column
	 * ({@code rprint_fib} and {@code rprint_fib6} in net-tools): the IPv4 routes that are
	 * up, as netstat lists only those, a reject route with dashes for its gateway and
	 * interface; then every IPv6 route, its metric signed as netstat prints it.
	 */
	@Override
	public String plain() {
		StringBuilder text = new StringBuilder();
		List<Route> inet = family(Family.INET);
		List<Route> inet6 = family(Family.INET6);
		if (!inet.isEmpty() || inet6.isEmpty()) {
			text.append("Kernel IP routing table\n")
				.append("Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n");
			for (Route r : inet) {
				if (r.flags().contains("!")) {
					text.append(String.format(Locale.ROOT, "%-15s -               %-15s %-5s     - -          - -\n",
							r.destination(), r.mask(), r.flags()));
				}
				else if (r.flags().contains("U")) {
					text.append(String.format(Locale.ROOT, "%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n", r.destination(),
							r.gateway(), r.mask(), r.flags(), r.mss(), r.window(), r.irtt(), r.iface()));
				}
			}
		}
		if (!inet6.isEmpty()) {
			text.append("Kernel IPv6 routing table\n")
				.append("Destination                    Next Hop                   Flag Met Ref  Use If\n");
			for (Route r : inet6) {
				text.append(String.format(Locale.ROOT, "%-30s %-26s %-4s %-3d %-1d %6d %s\n",
						r.destination() + "/" + r.prefixLength(), r.gateway(), r.flags(), (int) r.metric(),
						(int) r.refCount(), (int) r.use(), r.iface()));
			}
		}
		return text.toString();
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("family", "destination", "prefixLength", "mask", "gateway", "flags", "metric",
				"refCount", "use", "iface", "mss", "window", "irtt");
		for (Route r : this.routes) {
			table.add(r.family(), r.destination(), r.prefixLength(), r.mask(), r.gateway(), r.flags(), r.metric(),
					r.refCount(), r.use(), r.iface(), r.mss(), r.window(), r.irtt());
		}
		return table;
	}

	private List<Route> family(Family family) {
		return this.routes.stream().filter((route) -> route.family() == family).toList();
	}

}
