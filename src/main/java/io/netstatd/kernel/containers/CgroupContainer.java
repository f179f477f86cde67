package io.netstatd.kernel.containers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container as a cgroup path names it: the runtimes' and the kubelet's conventions,
 * cgroup v1 and v2, the systemd and cgroupfs drivers.
 *
 * <pre>
 * systemd driver:  /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod&lt;uid_with_underscores&gt;.slice/cri-containerd-&lt;id&gt;.scope
 *                  ... /crio-&lt;id&gt;.scope, ... /docker-&lt;id&gt;.scope (dockershim, cri-dockerd)
 * cgroupfs driver: /kubepods/burstable/pod&lt;uid&gt;/&lt;id&gt;, /kubepods/pod&lt;uid&gt;/crio-&lt;id&gt;
 * no Kubernetes:   /system.slice/docker-&lt;id&gt;.scope, /docker/&lt;id&gt;, /machine.slice/libpod-&lt;id&gt;.scope
 * </pre>
 *
 * @param runtime {@code containerd}, {@code cri-o}, {@code docker}, {@code podman}, or
 * {@code unknown} for a bare id (the cgroupfs driver does not say)
 * @param id the container's id, 64 hex digits
 * @param podUid the pod's uid with its dashes, or null outside Kubernetes
 */
public record CgroupContainer(String runtime, String id, String podUid) {

	/**
	 * The kubelet's pod slice (systemd: dashes of the uid as underscores) or directory.
	 */
	private static final Pattern POD = Pattern
		.compile("^(?:(?:kubelet-)?kubepods-(?:besteffort-|burstable-|guaranteed-)?pod([0-9a-f_]{36})\\.slice"
				+ "|pod([0-9a-f-]{36}))$");

	/** A container's scope (systemd) or directory (cgroupfs), by its runtime's prefix. */
	private static final Pattern CONTAINER = Pattern
		.compile("^(?:(cri-containerd|crio|docker|libpod|cri-dockerd)-)?([0-9a-f]{64})(?:\\.scope)?$");

	/**
	 * The container a cgroup path names.
	 * @param path a cgroup path, from its hierarchy's root
	 * @return the container, or null when the path names none (a host service, a pod's
	 * own slice, crio's conmon); the innermost where containers nest (a kind node's pods
	 * inside the node's own container)
	 */
	public static CgroupContainer parse(String path) {
		if (path == null) {
			return null;
		}
		String podUid = null;
		CgroupContainer found = null;
		for (String element : path.split("/")) {
			Matcher pod = POD.matcher(element);
			if (pod.matches()) {
				podUid = (pod.group(1) != null) ? pod.group(1).replace('_', '-') : pod.group(2);
				continue;
			}
			Matcher container = CONTAINER.matcher(element);
			if (container.matches()) {
				found = new CgroupContainer(runtime(container.group(1)), container.group(2), podUid);
			}
		}
		return found;
	}

	/**
	 * The container of a process, from its {@code /proc/<pid>/cgroup}: the cgroup v2 line
	 * ({@code 0::/path}) when it names one, else the first v1 hierarchy that does.
	 * @param text the file's text
	 * @return the container, or null
	 */
	public static CgroupContainer ofProcess(String text) {
		CgroupContainer found = null;
		for (String line : text.split("\n")) {
			int colon = line.indexOf(':');
			int second = (colon < 0) ? -1 : line.indexOf(':', colon + 1);
			if (second < 0) {
				continue;
			}
			CgroupContainer container = parse(line.substring(second + 1));
			if (container != null && (found == null || line.startsWith("0::"))) {
				found = container;
			}
		}
		return found;
	}

	private static String runtime(String prefix) {
		if (prefix == null) {
			return "unknown";
		}
		return switch (prefix) {
			case "cri-containerd" -> "containerd";
			case "crio" -> "cri-o";
			case "libpod" -> "podman";
			default -> "docker";
		};
	}

}
