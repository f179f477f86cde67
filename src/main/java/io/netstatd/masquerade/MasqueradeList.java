package io.netstatd.masquerade;

import java.util.List;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -M}: the tracked connections NAT rewrote.
 *
 * @param total how many connections the kernel tracks
 * @param count how many of them NAT rewrote, listed here
 * @param connections the rewritten connections
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "total", "count", "connections", "skipped" })
public record MasqueradeList(int total, int count, List<TrackedConnection> connections, Skipped skipped) {

}
