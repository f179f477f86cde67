package io.netstatd.netns;

import java.util.List;
import java.util.Map;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The host's network namespaces ({@code lsns -t net}, {@code ip netns} for those without
 * a name too).
 *
 * @param namespaces the namespaces, by inode
 * @param unreadableProcesses processes whose namespace could not be told (another user's,
 * without the capabilities to look)
 * @param skipped the procfs lines that could not be read
 */
@Schema(requiredProperties = { "namespaces", "unreadableProcesses", "skipped" })
public record NamespaceList(List<Namespace> namespaces, int unreadableProcesses, Skipped skipped) {

	/**
	 * One network namespace.
	 *
	 * @param inode its inode, as {@code /proc/<pid>/ns/net} names it
	 * ({@code net:[inode]}); what {@code netns=all} tags sockets with
	 * @param own whether the service itself is in it
	 * @param processes how many processes are in it
	 * @param pids the first 100 of them, ascending: any one is a {@code netns} value for
	 * it
	 * @param sockets its TCP and UDP sockets, by protocol
	 */
	@Schema(requiredProperties = { "inode", "own", "processes", "pids", "sockets" })
	public record Namespace(long inode, boolean own, int processes, List<Integer> pids, Map<String, Long> sockets) {

	}

}
