package io.netstatd.views.routes;

import java.nio.ByteOrder;
import java.nio.file.Path;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.support.inet.Family;

import org.springframework.stereotype.Repository;

/**
 * Reads the routing tables: {@code <procfs root>/net/route} (every kernel has it: its
 * absence is a 503) and {@code net/ipv6_route} (absent with IPv6 off: no IPv6 routes).
 */
@Repository
public class RoutesRepository {

	private final Path root;

	private final SkippedLineCounter skippedLines;

	public RoutesRepository(ProcfsProperties properties, SkippedLineCounter skippedLines) {
		this.root = properties.root();
		this.skippedLines = skippedLines;
	}

	/**
	 * The routes of the families asked for: IPv4's, then IPv6's.
	 * @param family one family, or null for both
	 * @return the routes
	 */
	public RouteList routes(Family family) {
		Parsed<Route> routes = Parsed.empty();
		if (family != Family.INET6) {
			Path file = this.root.resolve("net/route");
			routes = routes.and(counted(file,
					ProcNetRouteParser.parse(ProcFile.read(file, ProcFile.SMALL_LIMIT), ByteOrder.nativeOrder())));
		}
		if (family != Family.INET) {
			Path file = this.root.resolve("net/ipv6_route");
			ProcFile content = ProcFile.readIfPresent(file, ProcFile.SMALL_LIMIT);
			if (content != null) {
				routes = routes.and(counted(file, ProcNetIpv6RouteParser.parse(content)));
			}
		}
		return new RouteList(routes.rows(), routes.skipped());
	}

	private Parsed<Route> counted(Path file, Parsed<Route> routes) {
		this.skippedLines.count(file.toString(), routes.skipped());
		return routes;
	}

}
