package io.netstatd.views.routes;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.support.inet.Family;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code /proc/net/route} (words in host order: the fixtures were captured little-endian)
 * and {@code ipv6_route} (bytes in network order), captured and with bad lines.
 */
class RouteParsersTests {

	private static final Path HOST = Path.of("src/test/resources/procfs/host");

	@Test
	void readsIpv4RoutesInHostByteOrder() throws IOException {
		Parsed<Route> result = ProcNetRouteParser
			.parse(ProcFile.of("route", Files.readString(HOST.resolve("route-malformed"))), ByteOrder.LITTLE_ENDIAN);

		assertThat(result.rows()).containsExactly(
				new Route(Family.INET, "0.0.0.0", 0, "0.0.0.0", "192.0.2.1", "UG", 100, 0, 0, "eth0", 0L, 0L, 0L),
				new Route(Family.INET, "192.168.0.0", 24, "255.255.255.0", "0.0.0.0", "U", 0, 0, 0, "eth0", 1500L, 0L,
						0L),
				new Route(Family.INET, "10.0.0.0", 8, "255.0.0.0", "0.0.0.0", "!", 0, 0, 0, "*", 0L, 0L, 0L), new Route(
						Family.INET, "127.0.0.1", 32, "255.255.255.255", "0.0.0.0", "UH", 0, 0, 0, "eth0", 0L, 0L, 0L));
		assertThat(result.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(4, "expected 11 columns, found 7"),
					tuple(6, "a column is not the number the kernel prints there"));
	}

	@Test
	void readsIpv6RoutesInNetworkByteOrder() throws IOException {
		Parsed<Route> result = ProcNetIpv6RouteParser
			.parse(ProcFile.of("ipv6_route", Files.readString(HOST.resolve("ipv6_route-malformed"))));

		assertThat(result.rows()).containsExactly(
				new Route(Family.INET6, "::", 0, null, "fd00::1", "UG", 1024, 3, 0, "eth0", null, null, null),
				new Route(Family.INET6, "::ffff:0:0", 96, null, "::", "U", 1024, 1, 0, "eth0", null, null, null));
		assertThat(result.skipped().lines()).extracting(SkippedLine::lineNumber, SkippedLine::reason)
			.containsExactly(tuple(3, "a column is not the hex number the kernel prints there"),
					tuple(4, "a column is not the hex number the kernel prints there"),
					tuple(5, "expected 10 columns, found 9"));
	}

	@Test
	void readsTheCapturedTables() throws IOException {
		Path golden = Path.of("src/test/resources/procfs/golden/net");
		Parsed<Route> ipv4 = ProcNetRouteParser.parse(ProcFile.of("route", Files.readString(golden.resolve("route"))),
				ByteOrder.LITTLE_ENDIAN);
		Parsed<Route> ipv6 = ProcNetIpv6RouteParser
			.parse(ProcFile.of("ipv6_route", Files.readString(golden.resolve("ipv6_route"))));

		assertThat(ipv4.skipped().lines()).isEmpty();
		assertThat(ipv4.rows()).extracting(Route::destination, Route::gateway, Route::flags)
			.containsExactly(tuple("0.0.0.0", "192.0.2.1", "UG"), tuple("192.0.2.0", "0.0.0.0", "U"));
		assertThat(ipv6.skipped().lines()).isEmpty();
		// netstat -6rn on the host it was captured on: Un for local routes, !n for the
		// reject route, whose metric netstat prints as -1
		assertThat(ipv6.rows()).extracting(Route::destination, Route::prefixLength, Route::flags, Route::metric)
			.containsExactly(tuple("fd00::", 64, "U", 256L), tuple("fe80::", 64, "U", 256L),
					tuple("::", 0, "UG", 1024L), tuple("::1", 128, "Un", 0L), tuple("fd00::2", 128, "Un", 0L),
					tuple("fe80::fc:ff:fe00:1", 128, "Un", 0L), tuple("ff00::", 8, "U", 256L),
					tuple("::", 0, "!n", 4294967295L));
	}

	@ParameterizedTest
	@CsvSource({ "0x0003, UG", "0x0001, U", "0x0005, UH", "0x0201, !", "0x0203, !", "0x0207, !H", "0x0011, UD" })
	void spellsIpv4FlagsAsNetstat(String flags, String letters) {
		assertThat(RouteFlags.ipv4(Integer.parseUnsignedInt(flags.substring(2), 16))).isEqualTo(letters);
	}

	@ParameterizedTest
	@CsvSource({ "0x00000001, U", "0x00000003, UG", "0x80200001, Un", "0x00200200, !n", "0x00040001, UA",
			"0x01000001, UC", "0x00450003, UGDAe" })
	void spellsIpv6FlagsAsNetstat(String flags, String letters) {
		assertThat(RouteFlags.ipv6(Integer.parseUnsignedInt(flags.substring(2), 16))).isEqualTo(letters);
	}

}
