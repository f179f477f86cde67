package io.netstatd.views.masquerade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code /proc/net/nf_conntrack}: SNAT, DNAT, no NAT, ICMP, IPv6, and bad lines. */
class ProcNetNfConntrackParserTests {

	@Test
	void tellsWhatNatRewrote() throws IOException {
		Parsed<TrackedConnection> result = ProcNetNfConntrackParser.parse(ProcFile.of("conntrack",
				Files.readString(Path.of("src/test/resources/procfs/conntrack/nf_conntrack-malformed"))));

		assertThat(result.rows()).hasSize(7);
		assertThat(result.rows().get(0)).isEqualTo(new TrackedConnection("ipv4", "tcp", 431999, "ESTABLISHED",
				new Tuple("10.88.0.5", "93.184.216.34", 51234, 443),
				new Tuple("93.184.216.34", "192.0.2.2", 443, 51234), true, false, true, false, 0, 0));
		assertThat(result.rows())
			.extracting(TrackedConnection::protocol, TrackedConnection::state, TrackedConnection::snat,
					TrackedConnection::dnat, TrackedConnection::unreplied)
			.containsExactly(tuple("tcp", "ESTABLISHED", true, false, false), tuple("udp", null, true, false, false),
					tuple("tcp", "ESTABLISHED", false, true, false), tuple("tcp", "TIME_WAIT", false, false, false),
					tuple("icmp", null, true, false, false), tuple("tcp", "ESTABLISHED", true, false, false),
					tuple("tcp", "SYN_SENT", true, false, true));
		assertThat(result.rows().get(4).original()).isEqualTo(new Tuple("10.88.0.5", "8.8.8.8", null, null));
		assertThat(result.rows().get(5).reply()).isEqualTo(new Tuple("2001:db8::1", "fd00::2", 443, 41000));
		assertThat(result.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(8, "the expiry 'abc' is not a number"),
					tuple(9, "expected the original and the reply direction"),
					tuple(10, "'10.0.0.999' is not an address"));
	}

}
