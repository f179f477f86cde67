package io.netstatd.counters;

import java.util.Map;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -s}: every counter of {@code /proc/net/snmp}, {@code /proc/net/netstat}
 * and {@code /proc/net/snmp6}, by protocol.
 *
 * @param protocols the kernel's counters by group ({@code Ip}, {@code Tcp},
 * {@code TcpExt}, {@code Ip6}, ...), under its own names, in its order
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "protocols", "skipped" })
public record ProtocolCounters(@Schema(
		example = "{\"Tcp\": {\"ActiveOpens\": 1520, \"RetransSegs\": 12}, \"TcpExt\": {\"ListenOverflows\": 0}}") Map<String, Map<String, Long>> protocols,
		Skipped skipped) {

}
