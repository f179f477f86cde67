package io.netstatd.live.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.netstatd.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The filter generator against tcpdump: for every kind of capture, both link types, the
 * bytes {@code tcpdump -dd} prints for the same expression, from a fixture captured with
 * tcpdump 4.99.3 / libpcap 1.10.3 ({@code -Dbpf.update=true} writes it again), and from
 * the tcpdump installed here.
 */
class PacketFilterTests {

	private static final Path FIXTURE = Path.of("src/test/resources/bpf/tcpdump-dd.txt");

	private static final int SNAPLEN = 96;

	static Stream<Arguments> filters() {
		List<Arguments> cases = new ArrayList<>();
		List<Set<Transport>> protocols = List.of(EnumSet.of(Transport.TCP), EnumSet.of(Transport.UDP),
				EnumSet.allOf(Transport.class));
		for (LinkType link : LinkType.values()) {
			for (Set<Transport> transports : protocols) {
				cases.add(Arguments.of(link, new PacketFilter(transports, null, Direction.DST, false)));
				for (Direction direction : Direction.values()) {
					cases.add(Arguments.of(link, new PacketFilter(transports, 80, direction, false)));
				}
			}
			cases
				.add(Arguments.of(link, new PacketFilter(EnumSet.allOf(Transport.class), 65535, Direction.DST, false)));
			cases.add(Arguments.of(link, new PacketFilter(EnumSet.of(Transport.TCP), null, Direction.DST, true)));
			for (Direction direction : Direction.values()) {
				cases.add(Arguments.of(link, new PacketFilter(EnumSet.of(Transport.TCP), 8443, direction, true)));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("filters")
	void writesWhatTcpdumpPrintsForTheSameExpression(LinkType link, PacketFilter filter) throws IOException {
		String key = key(link, filter);
		String expected = fixture().get(key);
		assertThat(expected).as("the fixture has %s (-Dbpf.update=true writes it)", key).isNotNull();
		assertThat(filter.program(link, SNAPLEN).dd()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("filters")
	void writesWhatTheInstalledTcpdumpPrints(LinkType link, PacketFilter filter) {
		assumeTrue(Tools.installed("tcpdump"), "tcpdump is not installed");
		String printed = tcpdump(link, filter);
		assumeTrue(printed.startsWith("{"), "tcpdump cannot compile here: " + printed.lines().findFirst().orElse(""));
		assertThat(filter.program(link, SNAPLEN).dd()).isEqualTo(printed);
	}

	@Test
	void cookedProgramsReadFromTheNetworkHeaderAndTheKernelsProtocol() {
		BpfProgram cooked = new PacketFilter(EnumSet.of(Transport.UDP), 53, Direction.DST, false)
			.program(LinkType.LINUX_SLL, SNAPLEN)
			.cooked();
		// what libpcap's fix_program makes of tcpdump -i any's program
		assertThat(cooked.dd()).isEqualTo("""
				{ 0x28, 0, 0, 0xfffff000 },
				{ 0x15, 0, 4, 0x000086dd },
				{ 0x30, 0, 0, 0x00000006 },
				{ 0x15, 0, 11, 0x00000011 },
				{ 0x28, 0, 0, 0x0000002a },
				{ 0x15, 8, 9, 0x00000035 },
				{ 0x15, 0, 8, 0x00000800 },
				{ 0x30, 0, 0, 0x00000009 },
				{ 0x15, 0, 6, 0x00000011 },
				{ 0x28, 0, 0, 0x00000006 },
				{ 0x45, 4, 0, 0x00001fff },
				{ 0xb1, 0, 0, 0x00000000 },
				{ 0x48, 0, 0, 0x00000002 },
				{ 0x15, 0, 1, 0x00000035 },
				{ 0x6, 0, 0, 0x00000060 },
				{ 0x6, 0, 0, 0x00000000 },
				""");
		assertThat(cooked.bytes().remaining()).isEqualTo(16 * 8);
	}

	@Test
	void refusesWhatNoCaptureCanMean() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PacketFilter(Set.of(), 80, Direction.DST, false));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PacketFilter(EnumSet.of(Transport.UDP), 80, Direction.DST, true));
	}

	private static String key(LinkType link, PacketFilter filter) {
		return link + " " + filter.expression();
	}

	private static String tcpdump(LinkType link, PacketFilter filter) {
		String iface = (link == LinkType.LINUX_SLL) ? "any" : "lo";
		return Tools.run("tcpdump -dd -s " + SNAPLEN + " -y " + link + " -i " + iface + " '" + filter.expression()
				+ "' 2>&1 | grep -v '^tcpdump: data link type'");
	}

	private static Map<String, String> fixture() throws IOException {
		if (Boolean.getBoolean("bpf.update")) {
			StringBuilder written = new StringBuilder();
			filters().forEach((arguments) -> {
				LinkType link = (LinkType) arguments.get()[0];
				PacketFilter filter = (PacketFilter) arguments.get()[1];
				written.append("# ").append(key(link, filter)).append('\n').append(tcpdump(link, filter));
			});
			Files.writeString(FIXTURE, written.toString(), StandardCharsets.UTF_8);
		}
		Map<String, String> programs = new LinkedHashMap<>();
		String key = null;
		StringBuilder program = new StringBuilder();
		for (String line : Files.readAllLines(FIXTURE, StandardCharsets.UTF_8)) {
			if (line.startsWith("# ")) {
				if (key != null) {
					programs.put(key, program.toString());
				}
				key = line.substring(2);
				program.setLength(0);
			}
			else {
				program.append(line).append('\n');
			}
		}
		if (key != null) {
			programs.put(key, program.toString());
		}
		return programs;
	}

}
