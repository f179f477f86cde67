package io.netstatd.views.routes;

import java.util.List;

import io.netstatd.kernel.socket.SelectionParams;
import io.netstatd.support.inet.Family;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Query;
import io.netstatd.support.query.QuerySpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
	RouteList routes(@Query(Spec.class) RoutesQuery query) {
		return this.routes.routes(query.family());
	}

	/**
	 * What {@code /routes} asks for.
	 *
	 * @param family one family, or null for both
	 */
	record RoutesQuery(Family family) {

	}

	/** {@code /routes}: a family, and the representation. */
	static final class Spec extends QuerySpec<RoutesQuery> {

		Spec() {
			super(List.of(
					SelectionParams.FAMILY
						.describedAs("inet (IPv4, netstat -rn -4) or inet6 (IPv6, netstat -rn -6); both when absent"),
					Format.PARAM), (arguments) -> new RoutesQuery(arguments.get(SelectionParams.FAMILY)));
		}

	}

}
