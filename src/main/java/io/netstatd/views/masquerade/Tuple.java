package io.netstatd.views.masquerade;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One direction of a tracked connection.
 *
 * @param source source address
 * @param destination destination address
 * @param sourcePort source port; null for protocols without ports (ICMP)
 * @param destinationPort destination port; null for protocols without ports
 */
@Schema(requiredProperties = { "source", "destination", "sourcePort", "destinationPort" })
public record Tuple(String source, String destination, Integer sourcePort, Integer destinationPort) {

}
