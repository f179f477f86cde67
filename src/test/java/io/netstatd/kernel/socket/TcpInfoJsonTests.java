package io.netstatd.kernel.socket;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.netstatd.kernel.socket.netlink.InetDiagParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TcpInfoJson} writes what the record's bean serialization writes, byte for byte:
 * the rows of a captured dump, every component present, every optional one absent.
 */
class TcpInfoJsonTests {

	private static final JsonMapper beans = JsonMapper.builder().build();

	private static final JsonMapper written = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(TcpInfo.class, new TcpInfoJson()))
		.build();

	@Test
	void writesTheTcpInfoOfACapturedDumpAsTheRecordWould() throws IOException {
		List<InetSocket> sockets = new ArrayList<>();
		byte[] dump = resource("/netlink/tcp-info-dump.bin");
		InetDiagParser.parse(ByteBuffer.wrap(dump), dump.length, Protocol.TCP, sockets);
		List<TcpInfo> infos = sockets.stream()
			.map(InetSocket::details)
			.filter(Objects::nonNull)
			.map(SockDiagDetails::tcpInfo)
			.filter(Objects::nonNull)
			.toList();
		assertThat(infos).hasSizeGreaterThan(2);

		assertThat(written.writeValueAsString(infos)).isEqualTo(beans.writeValueAsString(infos));
	}

	@Test
	void writesEveryComponentPresentOrAbsentAsTheRecordWould() throws ReflectiveOperationException {
		for (boolean present : new boolean[] { true, false }) {
			TcpInfo info = made(present);

			assertThat(written.writeValueAsString(info)).isEqualTo(beans.writeValueAsString(info));
		}
		// and each component alone absent, so that none is written under another's name
		RecordComponent[] components = TcpInfo.class.getRecordComponents();
		for (int absent = 0; absent < components.length; absent++) {
			if (!components[absent].getType().isPrimitive()) {
				TcpInfo info = made(true, absent);
				assertThat(written.writeValueAsString(info)).as(components[absent].getName())
					.isEqualTo(beans.writeValueAsString(info));
			}
		}
	}

	/**
	 * A TcpInfo with a distinct value in every component, the optional ones null unless
	 * present.
	 */
	private static TcpInfo made(boolean present) throws ReflectiveOperationException {
		return made(present, -1);
	}

	private static TcpInfo made(boolean present, int absent) throws ReflectiveOperationException {
		RecordComponent[] components = TcpInfo.class.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Class<?> type = components[i].getType();
			boolean given = present && i != absent;
			values[i] = (type == double.class) ? i * 1.25 + 0.001
					: (type == long.class) ? 4_294_967_296L + i
							: (type == int.class) ? i : !given ? null
									: (type == Long.class) ? Long.MAX_VALUE - i : (type == Integer.class) ? i + 7
											: (type == Double.class) ? i / 8.0
													: (type == Boolean.class) ? Boolean.TRUE : (type == String.class)
															? "bbr \"v" + i + "\"" : Arrays.asList("ts", "sack", "ecn");
		}
		Constructor<TcpInfo> canonical = TcpInfo.class
			.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
		return canonical.newInstance(values);
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = TcpInfoJsonTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
