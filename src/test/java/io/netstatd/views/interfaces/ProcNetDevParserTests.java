package io.netstatd.views.interfaces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code /proc/net/dev} captured, and with every kind of bad line; netstat's flags. */
class ProcNetDevParserTests {

	@Test
	void readsTheCapturedFile() throws IOException {
		Parsed<DevCounters> dev = ProcNetDevParser
			.parse(ProcFile.of("dev", Files.readString(Path.of("src/test/resources/procfs/golden/net/dev"))));

		assertThat(dev.skipped().lines()).isEmpty();
		assertThat(dev.rows()).extracting(DevCounters::name).containsExactly("lo", "ifb0", "ifb1", "eth0");
		NetInterface eth0 = NetInterface.of(dev.rows().get(3), 1400, 0x1043);
		assertThat(eth0.rxOk()).isEqualTo(9293);
		assertThat(eth0.txOk()).isEqualTo(7651);
		assertThat(eth0.rxBytes()).isEqualTo(259574971L);
		assertThat(eth0.txBytes()).isEqualTo(1091861L);
		assertThat(eth0.flags()).isEqualTo("BMRU");
	}

	@Test
	void leavesOutAndReportsBadLines() throws IOException {
		Parsed<DevCounters> dev = ProcNetDevParser
			.parse(ProcFile.of("dev", Files.readString(Path.of("src/test/resources/procfs/host/dev-malformed"))));

		assertThat(dev.rows()).extracting(DevCounters::name).containsExactly("lo", "wlan0");
		// RX-ERR is errs (3) plus frame (6), as netstat adds them
		NetInterface wlan0 = NetInterface.of(dev.rows().get(1), null, null);
		assertThat(wlan0)
			.isEqualTo(new NetInterface("wlan0", null, null, false, 2, 9, 4, 5, 10, 11, 12, 13, 1, 9, 6, 8, 14, 15));
		assertThat(dev.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(4, "expected 16 counters, found 3"), tuple(5, "no interface name before a colon"),
					tuple(6, "a counter is not an unsigned 63-bit integer"),
					tuple(7, "a counter is not an unsigned 63-bit integer"),
					tuple(8, "no interface name before a colon"));
	}

	@ParameterizedTest
	@CsvSource({ "0x1003, up, BMRU", "0x1003, down, BMU", "0x9, unknown, LRU", "0x1002, up, BM",
			"0x0, down, [NO FLAGS]", "0x1091, up, MOPRU", "0x1303, dormant, ABMPU", "0xc02, up, Bsm" })
	void spellsFlagsAsNetstat(String flags, String operstate, String letters) {
		int value = Integer.parseInt(flags.substring(2), 16);

		assertThat(InterfaceFlags.letters(InterfaceFlags.withRunning(value, operstate))).isEqualTo(letters);
	}

}
