package io.netstatd.views.multicast;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.Function;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;

import org.springframework.stereotype.Repository;

/**
 * Reads the group memberships: {@code <procfs root>/net/igmp} and {@code net/igmp6},
 * either of which a kernel without multicast for that family lacks (then it has none).
 */
@Repository
public class MulticastRepository {

	private final Path root;

	private final SkippedLineCounter skippedLines;

	public MulticastRepository(ProcfsProperties properties, SkippedLineCounter skippedLines) {
		this.root = properties.root();
		this.skippedLines = skippedLines;
	}

	/**
	 * The IPv4 memberships, then the IPv6 ones; a file that is absent (no IPv6, no
	 * multicast) adds none.
	 * @return the memberships
	 */
	public MembershipList memberships() {
		Parsed<Membership> memberships = read("net/igmp",
				(file) -> ProcNetIgmpParser.parse(file, ByteOrder.nativeOrder()))
			.and(read("net/igmp6", ProcNetIgmp6Parser::parse));
		return new MembershipList(memberships.rows(), memberships.skipped());
	}

	private Parsed<Membership> read(String name, Function<ProcFile, Parsed<Membership>> parser) {
		Path file = this.root.resolve(name);
		ProcFile content = ProcFile.readIfPresent(file, ProcFile.SMALL_LIMIT);
		if (content == null) {
			return Parsed.empty();
		}
		Parsed<Membership> memberships = parser.apply(content);
		this.skippedLines.count(file.toString(), memberships.skipped());
		return memberships;
	}

}
