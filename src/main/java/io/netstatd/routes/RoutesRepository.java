package io.netstatd.routes;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.Skipped;
import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.SkippedLineCounter;
import io.netstatd.socket.procfs.ProcText;
import io.netstatd.socket.procfs.ProcfsProperties;

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

	public RouteList routes(boolean ipv4, boolean ipv6) {
		List<Route> routes = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		if (ipv4) {
			Path file = this.root.resolve("net/route");
			add(ProcNetRouteParser.parse(ProcText.read(file, true), file.toString(), ByteOrder.nativeOrder()), file,
					routes, skipped);
		}
		if (ipv6) {
			Path file = this.root.resolve("net/ipv6_route");
			String text = ProcText.read(file, false);
			if (text != null) {
				add(ProcNetIpv6RouteParser.parse(text, file.toString()), file, routes, skipped);
			}
		}
		return new RouteList(routes, Skipped.of(skipped));
	}

	private void add(ProcNetRouteParser.Result result, Path file, List<Route> routes, List<SkippedLine> skipped) {
		this.skippedLines.count(file.toString(), result.skipped());
		routes.addAll(result.routes());
		skipped.addAll(result.skipped());
	}

}
