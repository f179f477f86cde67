package io.netstatd.connections;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

import io.netstatd.socket.InetSocket;
import io.netstatd.socket.Skipped;

/**
 * The body of {@code /connections} and {@code /listening}.
 *
 * @param count how many sockets are listed
 * @param connections the sockets, in the kernel's order: tcp, tcp6, udp, udp6
 * @param skipped the procfs lines that could not be read
 */
@Schema(requiredProperties = { "count", "connections", "skipped" })
public record SocketList(int count, List<InetSocket> connections, Skipped skipped) {

}
