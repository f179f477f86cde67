package io.netstatd.core.connections;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.netstatd.kernel.process.SocketProcess;
import io.netstatd.kernel.socket.UnixSocket;

/**
 * One Unix domain socket as a socket list shows it: its columns, and its owners when
 * asked ({@code netstat -xp}, {@code ss -xp}).
 *
 * @param socket the socket
 * @param processes the processes holding it, only with {@code processes=true}; empty for
 * a socket no process holds a descriptor of (one passed in flight over another socket)
 */
public record ListedUnixSocket(@JsonUnwrapped UnixSocket socket,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<SocketProcess> processes) {

}
