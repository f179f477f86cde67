package io.netstatd.views.routes;

import io.netstatd.support.inet.Family;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One route of the kernel's table: a row of {@code netstat -rne} (IPv4) or
 * {@code netstat -6rn} (IPv6).
 *
 * @param family inet or inet6
 * @param destination the destination network or host
 * @param prefixLength its prefix length (for IPv4, the bits of the Genmask)
 * @param mask IPv4's Genmask; null for IPv6
 * @param gateway the gateway (IPv6: the next hop); the wildcard when there is none
 * @param flags netstat's letters (U up, G gateway, H host, ! reject, ...)
 * @param metric the metric, unsigned as the kernel keeps it (netstat prints 4294967295 as
 * -1)
 * @param refCount references to the route
 * @param use lookups of the route
 * @param iface the interface
 * @param mss IPv4's MSS column; null for IPv6
 * @param window IPv4's Window column; null for IPv6
 * @param irtt IPv4's irtt column; null for IPv6
 */
@Schema(requiredProperties = { "family", "destination", "prefixLength", "mask", "gateway", "flags", "metric",
		"refCount", "use", "iface", "mss", "window", "irtt" })
public record Route(Family family, String destination, int prefixLength, String mask, String gateway, String flags,
		long metric, long refCount, long use, String iface, Long mss, Long window, Long irtt) {

}
