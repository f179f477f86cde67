package io.netstatd.kernel.socket.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Destroy notices captured from the sock_diag destroy groups of a Linux 6.18 x86-64 host
 * ({@code src/test/resources/netlink/capture_destroy.py}): a TCP connection from
 * 127.0.0.9 to 127.0.0.1:18094 that carried 700 bytes and closed, its listener, and a UDP
 * socket on 127.0.0.1:18095. The protocol comes from {@code INET_DIAG_PROTOCOL}; TCP
 * notices carry the socket's final {@code tcp_info}; uid and inode are not filled.
 */
class DestroyNoticeParserTests {

	@Test
	void readsEachDestroyedSocketWithItsProtocolAndFinalCounters() throws IOException {
		List<InetSocket> sockets = parse();

		InetSocket server = sockets.stream()
			.filter((s) -> s.localPort() == 18094 && s.remotePort() != 0)
			.findFirst()
			.orElseThrow();
		assertThat(server.protocol()).isEqualTo(Protocol.TCP);
		assertThat(server.remoteAddress().toString()).isEqualTo("127.0.0.9");
		// the 700 bytes and the client's FIN
		assertThat(server.details().tcpInfo().bytesReceived()).isEqualTo(701);
		assertThat(server.inode()).isZero();
		InetSocket client = sockets.stream().filter((s) -> s.remotePort() == 18094).findFirst().orElseThrow();
		assertThat(client.localAddress().toString()).isEqualTo("127.0.0.9");
		assertThat(client.details().tcpInfo().bytesSent()).isEqualTo(700);
		InetSocket udp = sockets.stream().filter((s) -> s.localPort() == 18095).findFirst().orElseThrow();
		assertThat(udp.protocol()).isEqualTo(Protocol.UDP);
		assertThat(udp.details().tcpInfo()).isNull();
		assertThat(sockets).allSatisfy((s) -> assertThat(s.details().cookie()).isPositive());
	}

	@Test
	void tellsTheListenerClosedToo() throws IOException {
		assertThat(parse()).anySatisfy((s) -> {
			assertThat(s.localPort()).isEqualTo(18094);
			assertThat(s.remotePort()).isZero();
			assertThat(s.state()).isIn(SocketState.CLOSE, SocketState.LISTEN);
		});
	}

	private static List<InetSocket> parse() throws IOException {
		byte[] notices;
		try (InputStream in = DestroyNoticeParserTests.class.getResourceAsStream("/netlink/destroy-notices.bin")) {
			notices = in.readAllBytes();
		}
		List<InetSocket> sockets = new ArrayList<>();
		DestroyNoticeParser.parse(ByteBuffer.wrap(notices), notices.length, sockets::add);
		return sockets;
	}

}
