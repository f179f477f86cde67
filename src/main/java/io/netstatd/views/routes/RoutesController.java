package io.netstatd.views.routes;

import io.netstatd.support.inet.Family;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing tables: {@code netstat -rn} and {@code netstat -6rn}.
 */
@RestController
@Tag(name = "host")
class RoutesController {

	private final RoutesRepository routes;

	RoutesController(RoutesRepository routes) {
		this.routes = routes;
	}

	@GetMapping("/routes")
	@Operation(summary = "The kernel's IPv4 and IPv6 routes (netstat -rn, netstat -6rn)")
	RouteList routes(@ParameterObject RoutesQuery query) {
		return this.routes.routes(query.family());
	}

	/**
	 * What {@code /routes} asks, bound from its query string.
	 *
	 * @param family inet (IPv4, netstat -rn -4) or inet6 (IPv6, netstat -rn -6); both
	 * when absent
	 * @param format json (the default), table (the text the replaced command prints; as
	 * Accept: text/plain) or csv (as Accept: text/csv)
	 */
	record RoutesQuery(Family family, Format format) implements Formatted {

	}

}
