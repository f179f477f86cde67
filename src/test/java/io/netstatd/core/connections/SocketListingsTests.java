package io.netstatd.core.connections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.views.counters.Counters;
import io.netstatd.views.counters.ProcNetSockstatParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a list expects to read before it reads, from the kernel's socket totals: each
 * table's {@code inuse}, and TIME_WAIT ({@code tw}, printed once on the TCP line) with
 * TCP.
 */
class SocketListingsTests {

	/** Every total distinct, so that a table counted twice or not at all shows. */
	private static final String SOCKSTAT = """
			sockets: used 185
			TCP: inuse 120 orphan 2 tw 30 alloc 125 mem 9
			UDP: inuse 7 mem 1
			UDPLITE: inuse 0
			RAW: inuse 1
			FRAG: inuse 0 memory 0
			""";

	private static final String SOCKSTAT6 = """
			TCP6: inuse 40
			UDP6: inuse 3
			UDPLITE6: inuse 0
			RAW6: inuse 0
			FRAG6: inuse 0 memory 0
			""";

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "tcp, 150", "tcp6, 40", "udp, 7", "udp6, 3", "'tcp,tcp6', 190", "'tcp,udp6', 153",
			"'tcp,tcp6,udp,udp6', 200" })
	void expectsEachTablesTotal(String tables, long rows) {
		Counters totals = Counters.of(ProcNetSockstatParser.parse(ProcFile.of("sockstat", SOCKSTAT))
			.and(ProcNetSockstatParser.parse(ProcFile.of("sockstat6", SOCKSTAT6))));
		assertThat(SocketListings.expectedRows(totals, protocols(tables))).isEqualTo(rows);
	}

	/** The captured tree: one socket in use and 56,428 in TIME_WAIT; IPv6 none. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "tcp, 56429", "tcp6, 0", "'udp,udp6', 0", "'tcp,tcp6,udp,udp6', 56429" })
	void expectsTheCapturedTreesTotals(String tables, long rows) throws IOException {
		Path net = Path.of("src/test/resources/procfs/golden/net");
		Counters totals = Counters.of(ProcNetSockstatParser
			.parse(ProcFile.of("sockstat", Files.readString(net.resolve("sockstat"))))
			.and(ProcNetSockstatParser.parse(ProcFile.of("sockstat6", Files.readString(net.resolve("sockstat6"))))));
		assertThat(SocketListings.expectedRows(totals, protocols(tables))).isEqualTo(rows);
	}

	/** A kernel without IPv6 has no sockstat6: its tables expect nothing. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "tcp6, 0", "'tcp,tcp6', 150" })
	void expectsNothingOfTablesTheKernelDoesNotCount(String tables, long rows) {
		Counters totals = Counters.of(ProcNetSockstatParser.parse(ProcFile.of("sockstat", SOCKSTAT)));
		assertThat(SocketListings.expectedRows(totals, protocols(tables))).isEqualTo(rows);
	}

	private static Set<Protocol> protocols(String tables) {
		Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
		for (String table : tables.split(",")) {
			protocols.add(Protocol.valueOf(table.toUpperCase()));
		}
		return protocols;
	}

}
