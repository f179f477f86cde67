package io.netstatd.views.counters;

import java.nio.file.Path;
import java.util.function.Function;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;

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

	/**
	 * What {@code netstat -s} reads: snmp, netstat, snmp6.
	 * @return the counters
	 */
	public Counters protocols() {
		return protocols(this.root);
	}

	/**
	 * The same, of the namespace whose tables are under {@code root}/net.
	 * @param root the procfs root, or a process's directory in it
	 * @return the counters
	 */
	public Counters protocols(Path root) {
		return Counters.of(read(root, "net/snmp", true, ProcNetSnmpParser::parse)
			.and(read(root, "net/netstat", false, ProcNetSnmpParser::parse))
			.and(read(root, "net/snmp6", false, ProcNetSnmp6Parser::parse)));
	}

	/**
	 * What {@code ss -s} reads: sockstat and sockstat6.
	 * @return the counters
	 */
	public Counters sockets() {
		return sockets(this.root);
	}

	/**
	 * The same, of the namespace whose tables are under {@code root}/net.
	 * @param root the procfs root, or a process's directory in it
	 * @return the counters
	 */
	public Counters sockets(Path root) {
		return Counters.of(read(root, "net/sockstat", true, ProcNetSockstatParser::parse)
			.and(read(root, "net/sockstat6", false, ProcNetSockstatParser::parse)));
	}

	private Parsed<CounterGroup> read(Path root, String name, boolean required,
			Function<ProcFile, Parsed<CounterGroup>> parser) {
		Path file = root.resolve(name);
		ProcFile content = required ? ProcFile.read(file, ProcFile.SMALL_LIMIT)
				: ProcFile.readIfPresent(file, ProcFile.SMALL_LIMIT);
		if (content == null) {
			return Parsed.empty();
		}
		Parsed<CounterGroup> groups = parser.apply(content);
		this.skippedLines.count(file.toString(), groups.skipped());
		return groups;
	}

}
