package io.netstatd.views.masquerade;

import java.nio.file.Path;
import java.util.List;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;

import org.springframework.stereotype.Repository;

/**
 * Reads {@code <procfs root>/net/nf_conntrack}, which exists only while the kernel's
 * connection tracking is loaded.
 */
@Repository
public class ConntrackRepository {

	private final Path root;

	private final SkippedLineCounter skippedLines;

	public ConntrackRepository(ProcfsProperties properties, SkippedLineCounter skippedLines) {
		this.root = properties.root();
		this.skippedLines = skippedLines;
	}

	/**
	 * The NAT'd connections.
	 * @throws NotAvailableException when the kernel tracks no connections
	 */
	public MasqueradeList masqueraded() {
		Path file = this.root.resolve("net/nf_conntrack");
		ProcFile content = ProcFile.readIfPresent(file, ProcFile.TABLE_LIMIT);
		if (content == null) {
			throw new NoConntrackException(file);
		}
		Parsed<TrackedConnection> tracked = ProcNetNfConntrackParser.parse(content);
		this.skippedLines.count(file.toString(), tracked.skipped());
		List<TrackedConnection> nat = tracked.rows().stream().filter((c) -> c.snat() || c.dnat()).toList();
		return new MasqueradeList(tracked.rows().size(), nat.size(), nat, tracked.skipped());
	}

}
