package io.netstatd.kernel.process;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which processes hold which sockets, from one walk of {@code /proc/<pid>/fd}.
 *
 * @param byInode the processes holding each socket inode, in pid order
 * @param processes how many processes were walked
 * @param unreadable how many of them could not be read (not root, hidepid): their sockets
 * show no owner, as netstat warns
 */
@Schema(name = "ProcessScan", requiredProperties = { "processes", "unreadable" })
public record ProcessScan(@JsonIgnore Map<Long, List<SocketProcess>> byInode, int processes, int unreadable) {

	/**
	 * The processes holding the socket with {@code inode}; none for inode 0 (TIME_WAIT).
	 */
	public List<SocketProcess> owners(long inode) {
		return (inode != 0) ? this.byInode.getOrDefault(inode, List.of()) : List.of();
	}

}
