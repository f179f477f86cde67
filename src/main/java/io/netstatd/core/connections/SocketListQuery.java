package io.netstatd.core.connections;

import java.util.Comparator;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketSelection;

/**
 * What a socket list asks for ({@code /connections}, {@code /listening}), bound once from
 * its query string.
 *
 * @param selection which internet sockets
 * @param unix whether the Unix domain sockets are listed too ({@code netstat -x})
 * @param netns which namespaces
 * @param order the sort order, or null for the kernel's
 * @param limit how many rows at most (0: only the total), or null for all
 * @param processes whether owners are shown ({@code netstat -p})
 * @param resolve whether host and service names are shown
 * @param details what sock_diag adds to each row ({@code info}, {@code memory}, or a sort
 * by a {@code tcp_info} field)
 * @param pids only sockets these processes hold; empty for any
 * @param programs only sockets processes of these names hold; empty for any
 * @param pods only sockets of these pods ({@code namespace/name}); empty for any
 * @param podNamespaces only sockets of pods in these namespaces; empty for any
 */
record SocketListQuery(SocketSelection selection, boolean unix, NamespaceChoice netns, Comparator<InetSocket> order,
		Integer limit, boolean processes, boolean resolve, Set<SocketDetail> details, Set<Integer> pids,
		Set<String> programs, Set<String> pods, Set<String> podNamespaces) {

	/**
	 * Whether rows are selected by their pod.
	 * @return whether {@code pod} or {@code podNamespace} was given
	 */
	boolean selectsByPod() {
		return !this.pods.isEmpty() || !this.podNamespaces.isEmpty();
	}

	/**
	 * Whether a row of this container is selected.
	 * @param container the row's container, or null
	 * @return whether it is
	 */
	boolean selects(io.netstatd.kernel.containers.Container container) {
		if (!selectsByPod()) {
			return true;
		}
		return container != null && container.pod() != null
				&& (this.pods.isEmpty() || this.pods.contains(container.pod()))
				&& (this.podNamespaces.isEmpty() || this.podNamespaces.contains(container.podNamespace()));
	}

	/**
	 * Whether every process's descriptors are walked: for owners, or to select by them.
	 * @return whether the owner walk runs
	 */
	boolean walksProcesses() {
		return this.processes || !this.pids.isEmpty() || !this.programs.isEmpty();
	}

	/**
	 * What this query asks that needs the {@code privileged} role, or null: owners with
	 * their command lines, or owners in other network namespaces.
	 * @param commandLines whether owners carry their command lines here
	 * @return what it asks, for the 403 problem, or null
	 */
	String privileged(boolean commandLines) {
		if (!walksProcesses()) {
			return null;
		}
		if (commandLines) {
			return "Owners with their command lines (netstatd.processes.command-lines=true)";
		}
		return (this.netns.kind() != NamespaceChoice.Kind.OWN) ? "Owners in other network namespaces" : null;
	}

	/**
	 * Whether the list can be written as the kernel's dump is parsed: nothing needs its
	 * rows whole. A sort needs them all, and names are looked up together; Unix sockets
	 * and other namespaces are read whole. Owners are walked while the dump runs, which
	 * halves what they cost (walked first, a list with owners took 0.38 of
	 * {@code ss -tanp}'s time instead of 0.24).
	 * @return whether it is written as read
	 */
	boolean writesAsRead() {
		return this.order == null && !this.resolve && !this.unix && !walksProcesses()
				&& this.netns.kind() == NamespaceChoice.Kind.OWN;
	}

	/**
	 * Every list but listeners alone reads every socket; owners, names and every
	 * namespace cost a walk too. {@code /listening?processes=false} costs what
	 * {@code ss -ltn} costs, and is never refused.
	 */
	/**
	 * Whether reading it walks every socket, process or namespace.
	 * @return whether it takes a place among the expensive walks
	 */
	public boolean expensive() {
		return !this.selection.listeningOnly() || walksProcesses() || this.resolve || this.netns.all();
	}

}
