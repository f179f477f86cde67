package io.netstatd.masquerade;

import java.nio.file.Path;

import io.netstatd.socket.Skipped;
import io.netstatd.socket.SkippedLineCounter;
import io.netstatd.socket.procfs.ProcText;
import io.netstatd.socket.procfs.ProcfsProperties;
import io.netstatd.web.NotAvailableException;

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
		String text = ProcText.read(file, false);
		if (text == null) {
			throw new NotAvailableException("This kernel tracks no connections: " + file
					+ " does not exist (the nf_conntrack module is not loaded), so there is no NAT to show.");
		}
		ProcNetNfConntrackParser.Result result = ProcNetNfConntrackParser.parse(text, file.toString());
		this.skippedLines.count(file.toString(), result.skipped());
		var nat = result.connections().stream().filter((c) -> c.snat() || c.dnat()).toList();
		return new MasqueradeList(result.connections().size(), nat.size(), nat, Skipped.of(result.skipped()));
	}

}
