package io.netstatd.connections;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netstatd.process.ProcessScan;
import io.netstatd.socket.Skipped;

/**
 * The body of {@code /connections} and {@code /listening}.
 *
 * @param total how many sockets matched
 * @param count how many sockets are listed: fewer than total when {@code limit} cut the
 * list
 * @param connections the sockets, in the kernel's order: tcp, tcp6, udp, udp6
 * @param skipped the procfs lines that could not be read
 * @param processScan with {@code processes=true}: how many processes were walked for
 * owners, and how many could not be read (their sockets show no owner)
 */
@Schema(requiredProperties = { "total", "count", "connections", "skipped" })
public record SocketList(int total, int count, List<SocketRow> connections, Skipped skipped,
		@JsonInclude(JsonInclude.Include.NON_NULL) ProcessScan processScan) {

}
