package io.netstatd.core.connections;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.names.SocketNames;
import io.netstatd.kernel.process.SocketProcess;
import io.netstatd.kernel.socket.InetSocket;

/**
 * One socket as a socket list shows it: the socket's columns, and what the request asked
 * to add.
 *
 * @param socket the socket
 * @param user the name of the socket's owner uid (netstat -e), absent when the passwd
 * file has none
 * @param names with {@code resolve=true}: host and service names of both ends
 * @param processes the processes holding it (netstat -p), only with
 * {@code processes=true}; empty for TIME_WAIT rows, which no process holds
 * @param netns with {@code netns=all}: the inode of the network namespace the socket is
 * in ({@code net:[inode]}, as {@code /proc/<pid>/ns/net} names it)
 * @param cgroup the path of the cgroup v2 the socket was made in, below the cgroup2 root
 * ({@code ss -e}'s {@code cgroup:}); absent for rows read from procfs, or when no cgroup
 * has the socket's id any more
 * @param container the container (and pod) the socket was made in, from its cgroup, or
 * else the container of the process holding it (with {@code processes=true}); absent for
 * a host socket or where neither is known
 */
public record ListedSocket(@JsonUnwrapped InetSocket socket, @JsonInclude(JsonInclude.Include.NON_NULL) String user,
		@JsonUnwrapped SocketNames names, @JsonInclude(JsonInclude.Include.NON_NULL) List<SocketProcess> processes,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long netns, @JsonInclude(JsonInclude.Include.NON_NULL) String cgroup,
		@JsonInclude(JsonInclude.Include.NON_NULL) Container container) {

	/**
	 * A socket with nothing added but the namespace it was read from, when tagged: what a
	 * stream's events carry.
	 * @param socket the socket
	 * @return the row
	 */
	static ListedSocket of(InetSocket socket) {
		return new ListedSocket(socket, null, null, null, (socket.netns() != 0) ? socket.netns() : null, null, null);
	}

}
