package io.netstatd.counters;

import java.util.Map;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code ss -s}: the kernel's socket totals from {@code /proc/net/sockstat} and
 * {@code sockstat6}. Two small files, whatever the number of sockets: the view to poll
 * often.
 *
 * @param sockets totals by group ({@code sockets}, {@code TCP}, {@code UDP},
 * {@code TCP6}, ...): {@code inuse}, {@code orphan}, {@code tw} (TIME_WAIT),
 * {@code alloc}, {@code mem} (in pages), as the kernel names them
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "sockets", "skipped" })
public record SocketCounters(@Schema(
		example = "{\"sockets\": {\"used\": 211}, \"TCP\": {\"inuse\": 9, \"orphan\": 0, \"tw\": 3, \"alloc\": 12, \"mem\": 1}}") Map<String, Map<String, Long>> sockets,
		Skipped skipped) {

}
