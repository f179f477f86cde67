package io.netstatd.kernel.containers;

import java.nio.file.Path;

import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.ProcfsUnavailableException;

import org.springframework.stereotype.Service;

/**
 * Names the container (and pod) behind a cgroup path or a process. The kubelet's log
 * directories are read at most once per {@code netstatd.pods.refresh}, not per row.
 */
@Service
public class Containers {

	/** {@code /proc/<pid>/cgroup} is a line per hierarchy: a few KiB at most. */
	private static final int CGROUP_FILE_LIMIT = 64 * 1024;

	private final ContainerProperties properties;

	private final Path procfs;

	private volatile PodDirectory directory = PodDirectory.EMPTY;

	private volatile long readAt;

	private volatile boolean read;

	public Containers(ContainerProperties properties, ProcfsProperties procfs) {
		this.properties = properties;
		this.procfs = procfs.root();
	}

	/**
	 * The container a cgroup path names.
	 * @param path the path, from the hierarchy's root (a socket's cgroup)
	 * @return the container, or null when the path names none
	 */
	public Container ofCgroup(String path) {
		CgroupContainer found = CgroupContainer.parse(path);
		return (found != null) ? named(found) : null;
	}

	/**
	 * The container a process is in, from {@code /proc/<pid>/cgroup}.
	 * @param pid the process
	 * @return the container, or null when it is in none or is gone
	 */
	public Container ofProcess(int pid) {
		try {
			ProcFile file = ProcFile.readStart(this.procfs.resolve(Integer.toString(pid)).resolve("cgroup"),
					CGROUP_FILE_LIMIT);
			CgroupContainer found = (file != null) ? CgroupContainer.ofProcess(file.text()) : null;
			return (found != null) ? named(found) : null;
		}
		catch (ProcfsUnavailableException ex) {
			return null; // gone, or another's without the capability to look
		}
	}

	private Container named(CgroupContainer container) {
		PodDirectory pods = directory();
		PodDirectory.Pod pod = (container.podUid() != null) ? pods.pods().get(container.podUid()) : null;
		String name = pods.containerNames().get(container.id());
		if (name == null && pod != null && pod.containers().size() == 1) {
			name = pod.containers().get(0);
		}
		return new Container(container.id(), name, container.podUid(), (pod != null) ? pod.name() : null,
				(pod != null) ? pod.namespace() : null);
	}

	private PodDirectory directory() {
		long now = System.nanoTime();
		if (!this.read || now - this.readAt > this.properties.refresh().toNanos()) {
			this.directory = PodDirectory.read(this.properties.logRoot(), this.properties.containerLogRoot());
			this.readAt = now;
			this.read = true;
		}
		return this.directory;
	}

}
