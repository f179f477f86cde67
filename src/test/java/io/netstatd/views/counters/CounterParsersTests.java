package io.netstatd.views.counters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The counter parsers over captured files (golden) and over files with every kind of bad
 * line (counters): exact values, and each bad line reported with its number.
 */
class CounterParsersTests {

	private static final Path GOLDEN = Path.of("src/test/resources/procfs/golden/net");

	private static final Path BAD = Path.of("src/test/resources/procfs/counters");

	@Test
	void readsEverySnmpPairUnderItsGroupInTheKernelsOrder() throws IOException {
		Counters snmp = Counters
			.of(ProcNetSnmpParser.parse(ProcFile.of("/proc/net/snmp", Files.readString(GOLDEN.resolve("snmp")))));

		assertThat(snmp.skipped().lines()).isEmpty();
		assertThat(snmp.groups()).containsOnlyKeys("Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite");
		assertThat(snmp.groups().get("Ip")).hasSize(20)
			.containsEntry("Forwarding", 2L)
			.containsEntry("DefaultTTL", 64L);
		// MaxConn is -1: signed
		assertThat(snmp.value("Tcp", "MaxConn")).isEqualTo(-1);
		assertThat(snmp.groups().get("Tcp").keySet()).startsWith("RtoAlgorithm", "RtoMin", "RtoMax", "MaxConn");
	}

	@Test
	void readsTheExtendedCountersOfNetstat() throws IOException {
		Counters netstat = Counters
			.of(ProcNetSnmpParser.parse(ProcFile.of("/proc/net/netstat", Files.readString(GOLDEN.resolve("netstat")))));

		assertThat(netstat.skipped().lines()).isEmpty();
		assertThat(netstat.groups()).containsKeys("TcpExt", "IpExt");
		assertThat(netstat.groups().get("TcpExt")).containsKeys("ListenOverflows", "ListenDrops", "TCPTimeouts");
	}

	@Test
	void leavesOutAndReportsPairsThatDoNotMatchUp() throws IOException {
		Counters snmp = Counters
			.of(ProcNetSnmpParser.parse(ProcFile.of("snmp", Files.readString(BAD.resolve("snmp-mismatched")))));

		assertThat(snmp.groups()).containsExactly(
				entry("Ip", Map.of("Forwarding", 1L, "DefaultTTL", 64L, "InReceives", 6585329L)),
				entry("Tcp", Map.of("RtoAlgorithm", 1L, "RtoMin", 200L, "MaxConn", -1L, "ActiveOpens", 77L)));
		assertThat(snmp.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(3, "Icmp has 2 names but 3 values"), tuple(4, "Icmp has 2 names but 3 values"),
					tuple(5, "the line after the names of Tcp does not hold its values"),
					tuple(6, "the line after the names of Tcp does not hold its values"),
					tuple(9, "the value of Udp NoPorts is not a 64-bit integer"),
					tuple(10, "the value of Udp NoPorts is not a 64-bit integer"),
					tuple(11, "the value of UdpLite NoPorts is not a 64-bit integer"),
					tuple(12, "the value of UdpLite NoPorts is not a 64-bit integer"),
					tuple(13, "names without a line of values"));
	}

	@Test
	void groupsSnmp6ByThePrefixUpToItsSix() throws IOException {
		Counters snmp6 = Counters
			.of(ProcNetSnmp6Parser.parse(ProcFile.of("/proc/net/snmp6", Files.readString(GOLDEN.resolve("snmp6")))));

		assertThat(snmp6.skipped().lines()).isEmpty();
		assertThat(snmp6.groups()).containsKeys("Ip6", "Icmp6", "Udp6", "UdpLite6");
		assertThat(snmp6.groups().get("Ip6")).containsKeys("InReceives", "OutRequests");
	}

	@Test
	void reportsSnmp6LinesWithoutAGroupOrAValue() throws IOException {
		Counters snmp6 = Counters
			.of(ProcNetSnmp6Parser.parse(ProcFile.of("snmp6", Files.readString(BAD.resolve("snmp6-malformed")))));

		assertThat(snmp6.groups()).containsExactly(entry("Ip6", Map.of("InReceives", 983L, "InHdrErrors", 0L)),
				entry("Icmp6", Map.of("InType133", 4L)), entry("Udp6", Map.of("NoPorts", 2L)));
		assertThat(snmp6.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(3, "the name has no IPv6 group before a 6"),
					tuple(5, "the value is not a 64-bit integer"), tuple(6, "expected a name and a value"));
	}

	@Test
	void readsSockstatPairs() throws IOException {
		Counters sockstat = Counters.of(ProcNetSockstatParser
			.parse(ProcFile.of("sockstat", Files.readString(BAD.resolve("sockstat-malformed")))));

		assertThat(sockstat.groups()).containsExactly(entry("sockets", Map.of("used", 211L)),
				entry("TCP", Map.of("inuse", 9L, "orphan", 0L, "tw", 3L, "alloc", 12L, "mem", 1L)),
				entry("UDPLITE", Map.of("inuse", 0L)), entry("FRAG", Map.of("inuse", 0L, "memory", 0L)));
		assertThat(sockstat.groups().get("TCP").keySet()).containsExactly("inuse", "orphan", "tw", "alloc", "mem");
		assertThat(sockstat.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(3, "expected names and values in pairs"), tuple(5, "no group name before a colon"));
	}

	@Test
	void readsNothingFromAnEmptyFile() {
		for (Counters counters : List.of(Counters.of(ProcNetSnmpParser.parse(ProcFile.of("f", ""))),
				Counters.of(ProcNetSnmp6Parser.parse(ProcFile.of("f", ""))),
				Counters.of(ProcNetSockstatParser.parse(ProcFile.of("f", "\n"))))) {
			assertThat(counters.groups()).isEmpty();
			assertThat(counters.skipped().lines()).isEmpty();
		}
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
