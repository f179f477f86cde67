package io.netstatd.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.socket.ConnectionStatus;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.inet.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a request's client counts as gone, from what successive lookups of its connection
 * find, and which connection is looked up.
 */
class ClientConnectionTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "ESTABLISHED, false", "CLOSING, true", "ABSENT, false", "UNKNOWN, false",
			"ESTABLISHED ESTABLISHED, false", "ESTABLISHED CLOSING, true", "ESTABLISHED ABSENT, true",
			"ABSENT ABSENT, false", "ESTABLISHED UNKNOWN, false" })
	void isGoneOnceItsConnectionClosesOrVanishesAfterBeingSeen(String looks, boolean gone) {
		Looks source = new Looks(looks);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setLocalAddr("::ffff:127.0.0.1");
		request.setLocalPort(8080);
		request.setRemoteAddr("fe80::1%lo");
		request.setRemotePort(40000);
		BooleanSupplier check = ClientConnection.of(request, provider(source));
		boolean last = false;
		for (int i = 0; i < looks.split(" ").length; i++) {
			last = check.getAsBoolean();
		}
		assertThat(last).isEqualTo(gone);
		assertThat(source.asked).containsOnly("127.0.0.1:8080 fe80::1:40000");
	}

	private static org.springframework.beans.factory.ObjectProvider<SocketSource> provider(SocketSource source) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("sockets", source);
		return beans.getBeanProvider(SocketSource.class);
	}

	/** A source whose lookups find what the test says, in order. */
	private static final class Looks implements SocketSource {

		private final Deque<ConnectionStatus> looks = new ArrayDeque<>();

		private final List<String> asked = new java.util.ArrayList<>();

		Looks(String looks) {
			for (String look : looks.split(" ")) {
				this.looks.add(ConnectionStatus.valueOf(look));
			}
		}

		@Override
		public ConnectionStatus status(IpAddress local, int localPort, IpAddress remote, int remotePort) {
			this.asked.add(local + ":" + localPort + " " + remote + ":" + remotePort);
			return this.looks.remove();
		}

		@Override
		public Parsed<InetSocket> read(java.util.Set<Protocol> protocols, java.util.Set<SocketState> states) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Parsed<UnixSocket> readUnix() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String name() {
			return "looks";
		}

	}

}
