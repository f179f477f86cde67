package io.netstatd.routes;

import java.util.List;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -rn} and {@code netstat -6rn}: the IPv4 routes, then the IPv6 ones, in
 * the kernel's order.
 *
 * @param routes the routes
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "routes", "skipped" })
public record RouteList(List<Route> routes, Skipped skipped) {

}
