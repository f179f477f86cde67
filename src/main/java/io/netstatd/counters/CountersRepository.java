package io.netstatd.counters;

import java.nio.file.Path;
import java.util.function.BiFunction;

import io.netstatd.socket.SkippedLineCounter;
import io.netstatd.socket.procfs.ProcText;
import io.netstatd.socket.procfs.ProcfsProperties;

import org.springframework.stereotype.Repository;

/**
 * Reads the kernel's counter files under {@code <procfs root>/net/}: {@code snmp} and
 * {@code sockstat} every kernel has (their absence means procfs is not where it is
 * configured: a 503); {@code netstat}, {@code snmp6} and {@code sockstat6} may be missing
 * (IPv6 off, a trimmed kernel) and then add nothing.
 */
@Repository
public class CountersRepository {

	private final Path root;

	private final SkippedLineCounter skippedLines;

	public CountersRepository(ProcfsProperties properties, SkippedLineCounter skippedLines) {
		this.root = properties.root();
		this.skippedLines = skippedLines;
	}

	/** What {@code netstat -s} reads: snmp, netstat, snmp6. */
	public Counters protocols() {
		return protocols(this.root);
	}

	/** The same, of the namespace whose tables are under {@code root}/net. */
	public Counters protocols(Path root) {
		return read(root, "net/snmp", true, ProcNetSnmpParser::parse)
			.and(read(root, "net/netstat", false, ProcNetSnmpParser::parse))
			.and(read(root, "net/snmp6", false, ProcNetSnmp6Parser::parse));
	}

	/** What {@code ss -s} reads: sockstat and sockstat6. */
	public Counters sockets() {
		return sockets(this.root);
	}

	/** The same, of the namespace whose tables are under {@code root}/net. */
	public Counters sockets(Path root) {
		return read(root, "net/sockstat", true, ProcNetSockstatParser::parse)
			.and(read(root, "net/sockstat6", false, ProcNetSockstatParser::parse));
	}

	private Counters read(Path root, String name, boolean required, BiFunction<String, String, Counters> parser) {
		Path file = root.resolve(name);
		String text = ProcText.read(file, required);
		if (text == null) {
			return Counters.none();
		}
		Counters counters = parser.apply(text, file.toString());
		this.skippedLines.count(file.toString(), counters.skipped());
		return counters;
	}

}
