package io.netstatd.counters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiFunction;

import io.netstatd.socket.SkippedLineCounter;
import io.netstatd.socket.procfs.ProcFile;
import io.netstatd.socket.procfs.ProcfsProperties;
import io.netstatd.socket.procfs.ProcfsUnavailableException;

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
		return read("net/snmp", true, ProcNetSnmpParser::parse)
			.and(read("net/netstat", false, ProcNetSnmpParser::parse))
			.and(read("net/snmp6", false, ProcNetSnmp6Parser::parse));
	}

	/** What {@code ss -s} reads: sockstat and sockstat6. */
	public Counters sockets() {
		return read("net/sockstat", true, ProcNetSockstatParser::parse)
			.and(read("net/sockstat6", false, ProcNetSockstatParser::parse));
	}

	private Counters read(String name, boolean required, BiFunction<String, String, Counters> parser) {
		Path file = this.root.resolve(name);
		ProcFile content = ProcFile.readIfPresent(file);
		if (content == null) {
			if (required) {
				throw new ProcfsUnavailableException(file, "no such file", null);
			}
			return Counters.none();
		}
		Counters counters = parser.apply(new String(content.data(), 0, content.length(), StandardCharsets.UTF_8),
				file.toString());
		this.skippedLines.count(file.toString(), counters.skipped());
		return counters;
	}

}
