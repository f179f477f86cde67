package io.netstatd.core.connections;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.kernel.socket.netlink.InetDiagParser;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.DeadlineExceededException;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A list streamed from the dump says what the same list gathered says: the same rows,
 * total, count and skipped lines, with {@code total} and {@code count} after the rows;
 * the limit cuts what is written, not what is counted; the deadline stops the writing.
 */
class ListingAsReadTests {

	private static final JsonMapper mapper = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(SocketListing.class, new SocketListingJson())
			.addSerializer(ListingAsRead.class, new ListingAsReadJson()))
		.build();

	private static final Skipped SKIPPED = Skipped
		.of(List.of(new SkippedLine("net/tcp6", 4, "12 columns", "  3: garbage")));

	@ParameterizedTest(name = "limit {0}")
	@CsvSource(nullValues = "all", value = { "all", "0", "1", "2", "5", "1000" })
	void writesWhatTheGatheredListWrites(Integer limit) throws IOException {
		List<InetSocket> sockets = capturedDump();
		List<InetSocket> listed = (limit != null && limit < sockets.size()) ? sockets.subList(0, limit) : sockets;
		SocketListing gathered = new SocketListing(sockets.size(), listed.size(),
				listed.stream().map(this::row).toList(), null, SKIPPED, null, null);

		String streamed = mapper.writeValueAsString(streamed(sockets, limit, Deadline.in(Duration.ofMinutes(1))));

		assertThat(read(streamed)).isEqualTo(read(mapper.writeValueAsString(gathered)));
		assertThat(read(streamed).keySet()).containsExactly("connections", "skipped", "total", "count");
		assertThat(read(streamed)).containsEntry("total", sockets.size()).containsEntry("count", listed.size());
	}

	@ParameterizedTest(name = "limit {0}")
	@CsvSource(nullValues = "all", value = { "all", "0", "1", "5", "1000" })
	void writesTheCsvTheGatheredListWrites(Integer limit) throws IOException {
		List<InetSocket> sockets = capturedDump();
		List<InetSocket> listed = (limit != null && limit < sockets.size()) ? sockets.subList(0, limit) : sockets;
		SocketListing gathered = new SocketListing(sockets.size(), listed.size(),
				listed.stream().map(this::row).toList(), null, Skipped.NONE, null, null);
		ListingAsRead streamed = streamed(sockets, limit, Deadline.in(Duration.ofMinutes(1)));
		StringWriter csv = new StringWriter();

		streamed.writeCsv(csv);

		assertThat(streamed.csvWrittenAsRead()).isTrue();
		assertThat(csv).hasToString(gathered.csv().csv());
		assertThat(csv.toString().split("\r\n", -1)).hasSize(listed.size() + 2);
	}

	@Test
	void stopsWritingAtTheDeadlineAfterABatch() {
		List<InetSocket> sockets = new ArrayList<>();
		for (int i = 0; i < 3 * ListingAsRead.DEADLINE_EVERY; i++) {
			sockets.add(new InetSocket(Protocol.TCP, IpAddress.parse("127.0.0.1"), 1 + i, IpAddress.parse("0.0.0.0"), 0,
					SocketState.LISTEN, 0, 0, 0, i, SocketTimer.OFF));
		}
		Deadline passed = Deadline.in(Duration.ZERO);
		List<ListedSocket> written = new ArrayList<>();

		assertThatExceptionOfType(DeadlineExceededException.class)
			.isThrownBy(() -> streamed(sockets, null, passed).read(written::add))
			.withMessageContaining("while writing the list");
		assertThat(written).hasSize(ListingAsRead.DEADLINE_EVERY);
	}

	private ListingAsRead streamed(List<InetSocket> sockets, Integer limit, Deadline deadline) {
		return new ListingAsRead((sink) -> {
			sockets.forEach(sink);
			return SKIPPED;
		}, this::row, limit, deadline, () -> {
			throw new AssertionError("JSON and CSV are never gathered");
		}, true, false);
	}

	private ListedSocket row(InetSocket socket) {
		return new ListedSocket(socket, "root", null, null, null, "/system.slice/ssh.service", null);
	}

	private static Map<String, Object> read(String json) {
		return mapper.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	private static List<InetSocket> capturedDump() throws IOException {
		List<InetSocket> sockets = new ArrayList<>();
		try (InputStream in = ListingAsReadTests.class.getResourceAsStream("/netlink/tcp-info-dump.bin")) {
			byte[] dump = in.readAllBytes();
			InetDiagParser.parse(ByteBuffer.wrap(dump), dump.length, Protocol.TCP, sockets);
		}
		assertThat(sockets).hasSizeGreaterThan(5);
		return sockets;
	}

}
