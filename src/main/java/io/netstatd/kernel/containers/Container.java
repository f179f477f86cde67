package io.netstatd.kernel.containers;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The container behind a socket or a process, and its pod where it is in one.
 *
 * @param id the container's id (64 hex digits), from its cgroup path; absent when only
 * the pod is known (a row of another namespace read without owners: the namespace's
 * processes are all one pod's)
 * @param name the container's name in its pod, from the kubelet's log files; absent when
 * unknown
 * @param podUid the pod's uid, from the cgroup path; absent outside Kubernetes
 * @param podName the pod's name, from the kubelet's pod log directory
 * @param podNamespace the pod's namespace, from the same directory
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Container(String id, String name, String podUid, String podName, String podNamespace) {

	/**
	 * The pod as {@code namespace/name}, what {@code pod=} selects by.
	 * @return it, or null when the pod's name is not known
	 */
	public String pod() {
		return (this.podName != null && this.podNamespace != null) ? this.podNamespace + "/" + this.podName : null;
	}

}
