package io.netstatd.views.multicast;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.support.inet.Family;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code /proc/net/igmp} and {@code igmp6}, captured and with bad lines. */
class IgmpParsersTests {

	private static final Path HOST = Path.of("src/test/resources/procfs/host");

	@Test
	void readsGroupsUnderTheInterfaceAboveThem() throws IOException {
		Parsed<Membership> result = ProcNetIgmpParser
			.parse(ProcFile.of("igmp", Files.readString(HOST.resolve("igmp-malformed"))), ByteOrder.LITTLE_ENDIAN);

		assertThat(result.rows()).containsExactly(new Membership(Family.INET, "lo", 1, "224.0.0.1", 1),
				new Membership(Family.INET, "lo", 1, "224.0.0.251", 3),
				new Membership(Family.INET, "eth0", 4, "224.0.0.22", 2));
		assertThat(result.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(2, "a group without an interface line above it"),
					tuple(6, "the group or its users is not a number"), tuple(7, "not an interface line"),
					tuple(8, "a group without an interface line above it"),
					tuple(10, "expected a group and its users"));
	}

	@Test
	void readsIpv6GroupsInNetworkByteOrder() throws IOException {
		Parsed<Membership> result = ProcNetIgmp6Parser
			.parse(ProcFile.of("igmp6", Files.readString(HOST.resolve("igmp6-malformed"))));

		assertThat(result.rows()).containsExactly(new Membership(Family.INET6, "lo", 1, "ff02::1", 1),
				new Membership(Family.INET6, "eth0", 4, "ff02::1:ff00:2", 1));
		assertThat(result.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(3, "a column is not the number the kernel prints there"),
					tuple(4, "a column is not the number the kernel prints there"),
					tuple(5, "expected 6 columns, found 5"));
	}

	@Test
	void readsTheCapturedFiles() throws IOException {
		Path golden = Path.of("src/test/resources/procfs/golden/net");
		Parsed<Membership> igmp = ProcNetIgmpParser.parse(ProcFile.of("igmp", Files.readString(golden.resolve("igmp"))),
				ByteOrder.LITTLE_ENDIAN);
		Parsed<Membership> igmp6 = ProcNetIgmp6Parser
			.parse(ProcFile.of("igmp6", Files.readString(golden.resolve("igmp6"))));

		assertThat(igmp.skipped().lines()).isEmpty();
		assertThat(igmp.rows()).extracting(Membership::iface, Membership::group)
			.containsExactly(tuple("lo", "224.0.0.1"), tuple("eth0", "224.0.0.1"));
		assertThat(igmp6.skipped().lines()).isEmpty();
		assertThat(igmp6.rows()).hasSize(10)
			.extracting(Membership::iface, Membership::group)
			.contains(tuple("eth0", "ff02::1:ff00:2"), tuple("ifb1", "ff01::1"));
	}

}
