package io.netstatd.multicast;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.socket.Skipped;
import io.netstatd.socket.SkippedLine;
import io.netstatd.socket.SkippedLineCounter;
import io.netstatd.socket.procfs.ProcText;
import io.netstatd.socket.procfs.ProcfsProperties;

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

	public MembershipList memberships() {
		List<Membership> memberships = new ArrayList<>();
		List<SkippedLine> skipped = new ArrayList<>();
		Path igmp = this.root.resolve("net/igmp");
		String text = ProcText.read(igmp, false);
		if (text != null) {
			add(ProcNetIgmpParser.parse(text, igmp.toString(), ByteOrder.nativeOrder()), igmp, memberships, skipped);
		}
		Path igmp6 = this.root.resolve("net/igmp6");
		text = ProcText.read(igmp6, false);
		if (text != null) {
			add(ProcNetIgmp6Parser.parse(text, igmp6.toString()), igmp6, memberships, skipped);
		}
		return new MembershipList(memberships, Skipped.of(skipped));
	}

	private void add(ProcNetIgmpParser.Result result, Path file, List<Membership> memberships,
			List<SkippedLine> skipped) {
		this.skippedLines.count(file.toString(), result.skipped());
		memberships.addAll(result.memberships());
		skipped.addAll(result.skipped());
	}

}
