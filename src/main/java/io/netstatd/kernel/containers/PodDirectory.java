package io.netstatd.kernel.containers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pods of a node as the kubelet's log directories name them: {@code
 * /var/log/pods/<namespace>_<name>_<uid>/<container>/} for pods and their containers'
 * names, and {@code /var/log/containers/<pod>_<namespace>_<container>-<id>.log} for which
 * container id is which name. Read from the roots it is given, at most
 * {@value #MAX_ENTRIES} entries each, never followed into files.
 *
 * @param pods the pods, by uid
 * @param containerNames container names by container id
 */
record PodDirectory(Map<String, Pod> pods, Map<String, String> containerNames) {

	static final int MAX_ENTRIES = 20_000;

	static final PodDirectory EMPTY = new PodDirectory(Map.of(), Map.of());

	/** {@code <namespace>_<name>_<uid>}: neither a namespace nor a pod name holds '_'. */
	private static final Pattern POD_DIRECTORY = Pattern.compile(
			"^([a-z0-9][-a-z0-9]*)_([a-z0-9][-.a-z0-9]*)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");

	/** {@code <pod>_<namespace>_<container>-<id>.log}. */
	private static final Pattern CONTAINER_LOG = Pattern
		.compile("^([a-z0-9][-.a-z0-9]*)_([a-z0-9][-a-z0-9]*)_([a-z0-9][-a-z0-9]*)-([0-9a-f]{64})\\.log$");

	/**
	 * A container's name as Kubernetes allows it: a DNS label (RFC 1123), at most 63
	 * characters.
	 */
	private static final Pattern CONTAINER_NAME = Pattern.compile("^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$");

	/**
	 * Reads both directories; a missing one reads as empty.
	 * @param podLogs the pod log root ({@code /var/log/pods})
	 * @param containerLogs the container log root ({@code /var/log/containers})
	 * @return what they name
	 */
	static PodDirectory read(Path podLogs, Path containerLogs) {
		Map<String, Pod> pods = new HashMap<>();
		for (String entry : names(podLogs)) {
			Matcher matcher = POD_DIRECTORY.matcher(entry);
			if (matcher.matches()) {
				pods.put(matcher.group(3), new Pod(matcher.group(3), matcher.group(1), matcher.group(2),
						containerNames(podLogs.resolve(entry))));
			}
		}
		Map<String, String> containers = new HashMap<>();
		for (String entry : names(containerLogs)) {
			Matcher matcher = CONTAINER_LOG.matcher(entry);
			if (matcher.matches()) {
				containers.put(matcher.group(4), matcher.group(3));
			}
		}
		return new PodDirectory(Map.copyOf(pods), Map.copyOf(containers));
	}

	/**
	 * The names of a pod's containers: its subdirectories named as Kubernetes names
	 * containers; anything else there was not made by the kubelet and is not shown.
	 */
	private static List<String> containerNames(Path pod) {
		return names(pod).stream().filter((name) -> CONTAINER_NAME.matcher(name).matches()).toList();
	}

	private static List<String> names(Path directory) {
		List<String> names = new java.util.ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return names;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				if (names.size() >= MAX_ENTRIES) {
					break;
				}
				names.add(entry.getFileName().toString());
			}
		}
		catch (IOException | SecurityException ex) {
			// unreadable: as empty; pods are then named by uid only
		}
		return names;
	}

	/**
	 * A pod.
	 *
	 * @param uid its uid
	 * @param namespace its namespace
	 * @param name its name
	 * @param containers the names of its containers (their log directories)
	 */
	record Pod(String uid, String namespace, String name, List<String> containers) {

		Pod {
			containers = List.copyOf(containers);
		}

	}

}
