package io.netstatd.export.metrics;

import java.nio.file.Path;

import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsUnavailableException;

/**
 * The node's name, which every series of the scrape carries as its {@code node} label and
 * the OTLP resource as {@code host.name}: a fleet's rules group by it, so it is never
 * empty. {@code netstatd.node-name} when set; else the node name Kubernetes' downward API
 * gives ({@code NODE_NAME}, {@code spec.nodeName}); else the kernel's host name
 * ({@code /proc/sys/kernel/hostname}, what {@code uname -n} prints, for plain hosts where
 * neither bash nor systemd exports one); else {@code localhost}.
 *
 * @param value the name
 */
public record NodeName(String value) {

	/** The label every series carries. */
	public static final String LABEL = "node";

	/** A host name is at most 64 bytes (the kernel's {@code __NEW_UTS_LEN}). */
	private static final int HOSTNAME_LIMIT = 65;

	/**
	 * The node's name.
	 * @param configured {@code netstatd.node-name}, or null
	 * @param downward {@code NODE_NAME} from the downward API, or null
	 * @param procfsRoot the procfs root, whose {@code sys/kernel/hostname} names the host
	 * @return the name
	 */
	public static NodeName of(String configured, String downward, Path procfsRoot) {
		if (configured != null && !configured.isBlank()) {
			return new NodeName(configured.strip());
		}
		if (downward != null && !downward.isBlank()) {
			return new NodeName(downward.strip());
		}
		String kernel = hostname(procfsRoot.resolve("sys/kernel/hostname"));
		return new NodeName(kernel.isEmpty() ? "localhost" : kernel);
	}

	private static String hostname(Path file) {
		try {
			ProcFile name = ProcFile.readStart(file, HOSTNAME_LIMIT);
			return (name != null) ? name.text().strip() : "";
		}
		catch (ProcfsUnavailableException ex) {
			return "";
		}
	}

}
