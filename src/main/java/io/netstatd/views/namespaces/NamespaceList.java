package io.netstatd.views.namespaces;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
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
public record NamespaceList(List<Namespace> namespaces, int unreadableProcesses, Skipped skipped) implements TextView {

	/** A row per namespace, as {@code lsns -t net} lays them out, with the sockets. */
	@Override
	public String plain() {
		TextTable table = new TextTable("NETNS", "OWN", "NPROCS", "TCP", "TCP6", "UDP", "UDP6", "PODS", "PIDS");
		for (Namespace n : this.namespaces) {
			table.add(n.inode(), n.own() ? "yes" : "no", n.processes(), n.sockets().get("tcp"), n.sockets().get("tcp6"),
					n.sockets().get("udp"), n.sockets().get("udp6"),
					n.pods().isEmpty() ? "-" : String.join(",", n.pods()), pids(n.pids()));
		}
		return table.aligned();
	}

	@Override
	public TextTable csv() {
		TextTable table = new TextTable("inode", "own", "processes", "tcp", "tcp6", "udp", "udp6", "pods", "pids");
		for (Namespace n : this.namespaces) {
			table.add(n.inode(), n.own(), n.processes(), n.sockets().get("tcp"), n.sockets().get("tcp6"),
					n.sockets().get("udp"), n.sockets().get("udp6"), String.join(",", n.pods()), pids(n.pids()));
		}
		return table;
	}

	private static String pids(List<Integer> pids) {
		return pids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

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
	 * @param pods the pods whose processes are in it, {@code namespace/name} (a pod's
	 * containers share one network namespace), from their cgroups and the kubelet's pod
	 * log directories
	 */
	@Schema(requiredProperties = { "inode", "own", "processes", "pids", "sockets", "pods" })
	public record Namespace(long inode, boolean own, int processes, List<Integer> pids, Map<String, Long> sockets,
			List<String> pods) {

	}

}
