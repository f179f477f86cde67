package io.netstatd.kernel.socket.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketMemory;
import io.netstatd.kernel.socket.TcpInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tcp_info}, congestion, memory, cookie and cgroup over a dump captured from a
 * Linux 6.18 x86-64 host with {@code idiag_ext = INFO | CONG | SKMEMINFO}
 * ({@code src/test/resources/netlink/capture_tcp_info.py}): a connection from
 * 127.0.0.5:45859 to 127.0.0.1:18093 that moved exactly 1000 bytes one way and 300 the
 * other. The expected values are what {@code ss -tinmeH} printed for the same sockets at
 * the same moment ({@code tcp-info-dump.ss.txt}). The same message is then re-framed with
 * its {@code tcp_info} cut to an older kernel's length and grown to a newer one's.
 */
class TcpInfoParserTests {

	private static final int CLIENT_PORT = 45859;

	@Test
	void readsWhatSsPrintsForTheClient() throws IOException {
		InetSocket client = socket(dump(), CLIENT_PORT);
		TcpInfo info = client.details().tcpInfo();

		// ss: bytes_sent:1000 bytes_acked:1001 (the SYN counts) bytes_received:300
		assertThat(info.bytesSent()).isEqualTo(1000);
		assertThat(info.bytesAcked()).isEqualTo(1001);
		assertThat(info.bytesReceived()).isEqualTo(300);
		// segs_out:4 segs_in:3 data_segs_out:1 data_segs_in:1
		assertThat(info.segsOut()).isEqualTo(4);
		assertThat(info.segsIn()).isEqualTo(3);
		assertThat(info.dataSegsOut()).isEqualTo(1);
		assertThat(info.dataSegsIn()).isEqualTo(1);
		// rto:204 rtt:0.026/0.014 ato:40 mss:35328 pmtu:65535 rcvmss:536 advmss:65483
		// cwnd:11
		assertThat(info.rto()).isEqualTo(204.0);
		assertThat(info.rtt()).isEqualTo(0.026);
		assertThat(info.rttVar()).isEqualTo(0.014);
		assertThat(info.ato()).isEqualTo(40.0);
		assertThat(info.mss()).isEqualTo(35328);
		assertThat(info.pmtu()).isEqualTo(65535);
		assertThat(info.rcvMss()).isEqualTo(536);
		assertThat(info.advMss()).isEqualTo(65483);
		assertThat(info.cwnd()).isEqualTo(11);
		// ts sack bbr wscale:10,10 ... minrtt:0.009 snd_wnd:70656 app_limited delivered:2
		assertThat(info.options()).containsExactly("ts", "sack", "wscale");
		assertThat(info.congestion()).isEqualTo("bbr");
		assertThat(info.sndWscale()).isEqualTo(10);
		assertThat(info.rcvWscale()).isEqualTo(10);
		assertThat(info.minRtt()).isEqualTo(0.009);
		assertThat(info.sndWnd()).isEqualTo(70656);
		assertThat(info.delivered()).isEqualTo(2);
		assertThat(info.appLimited()).isTrue();
		// no retransmissions on loopback; ssthresh still infinite: absent, as ss leaves
		// it out
		assertThat(info.totalRetransmits()).isZero();
		assertThat(info.ssthresh()).isNull();
		// pacing_rate 258121113120bps delivery_rate 31402666664bps: ss prints bits
		assertThat(info.pacingRate() * 8).isEqualTo(258121113120L);
		assertThat(info.deliveryRate() * 8).isEqualTo(31402666664L);
	}

	@Test
	void readsMemoryCookieAndCgroup() throws IOException {
		SockDiagDetails details = socket(dump(), CLIENT_PORT).details();

		// skmem:(r0,rb131072,t0,tb3939840,f0,w0,o0,bl0,d0) sk:d6f18 cgroup:/
		assertThat(details.memory()).isEqualTo(new SocketMemory(0L, 131072L, 0L, 3939840L, 0L, 0L, 0L, 0L, 0L));
		assertThat(details.cookieText()).isEqualTo("d6f18");
		assertThat(details.cgroupId()).isPositive();
		assertThat(details.mark()).isNull();
	}

	@Test
	void leavesOutWhatAnOlderKernelsShorterStructureLacks() throws IOException {
		// 104 bytes: tcp_info as 2.6 kernels wrote it, up to tcpi_total_retrans
		TcpInfo old = socket(reframed(TcpInfoParser.MINIMUM), CLIENT_PORT).details().tcpInfo();

		assertThat(old.cwnd()).isEqualTo(11);
		assertThat(old.rtt()).isEqualTo(0.026);
		assertThat(old.congestion()).isEqualTo("bbr");
		assertThat(old.bytesAcked()).isNull();
		assertThat(old.pacingRate()).isNull();
		assertThat(old.minRtt()).isNull();
		assertThat(old.bytesSent()).isNull();
		assertThat(old.appLimited()).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 120, 136, 161, 232 })
	void readsEachFieldOnlyWhenThePayloadHoldsItWhole(int length) throws IOException {
		TcpInfo cut = socket(reframed(length), CLIENT_PORT).details().tcpInfo();

		assertThat(cut.bytesAcked() != null).isEqualTo(length >= 128);
		assertThat(cut.segsOut() != null).isEqualTo(length >= 140);
		assertThat(cut.deliveryRate() != null).isEqualTo(length >= 168);
		assertThat(cut.sndWnd() != null).isEqualTo(length >= 232);
		assertThat(cut.rcvWnd()).isNull();
	}

	@Test
	void readsANewerKernelsLongerStructureAsFarAsItKnowsIt() throws IOException {
		TcpInfo now = socket(dump(), CLIENT_PORT).details().tcpInfo();

		TcpInfo longer = socket(reframed(-512), CLIENT_PORT).details().tcpInfo();

		assertThat(longer).isEqualTo(now);
	}

	@Test
	void skipsAListenersBacklogAsSackedInSsLine() throws IOException {
		InetSocket listener = socket(dump(), 18093);

		assertThat(listener.details().tcpInfo().sacked()).isEqualTo(8);
	}

	private static InetSocket socket(byte[] dump, int localPort) {
		List<InetSocket> sockets = new ArrayList<>();
		InetDiagParser.parse(ByteBuffer.wrap(dump), dump.length, Protocol.TCP, sockets);
		return sockets.stream()
			.filter((s) -> s.localPort() == localPort && (localPort != 18093 || s.remotePort() == 0))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The client's message alone, its {@code INET_DIAG_INFO} payload cut to
	 * {@code length} bytes, or, for a negative length, grown by that many bytes of 0xff
	 * (fields a newer kernel added), every attribute re-aligned and the message's length
	 * fixed.
	 */
	private static byte[] reframed(int length) throws IOException {
		ByteBuffer dump = ByteBuffer.wrap(dump()).order(ByteOrder.nativeOrder());
		int offset = 0;
		while (true) {
			int messageLength = dump.getInt(offset);
			int payload = offset + NetlinkMessages.NLMSG_HEADER;
			if ((dump.get(payload + 4) & 0xff) * 256 + (dump.get(payload + 5) & 0xff) == CLIENT_PORT) {
				return reframe(dump, offset, messageLength, length);
			}
			offset += (messageLength + 3) & ~3;
		}
	}

	private static byte[] reframe(ByteBuffer dump, int offset, int messageLength, int length) {
		ByteBuffer out = ByteBuffer.allocate(messageLength + 1024).order(ByteOrder.nativeOrder());
		int fixed = NetlinkMessages.NLMSG_HEADER + InetDiagParser.INET_DIAG_MSG;
		for (int i = 0; i < fixed; i++) {
			out.put(dump.get(offset + i));
		}
		int at = offset + fixed;
		while (at < offset + messageLength) {
			int attributeLength = dump.getShort(at) & 0xffff;
			int type = dump.getShort(at + 2);
			int size = attributeLength - InetDiagParser.NLA_HEADER;
			int kept = size;
			int grown = 0;
			if (type == InetDiagParser.INET_DIAG_INFO) {
				kept = (length >= 0) ? length : size;
				grown = (length >= 0) ? 0 : -length;
			}
			out.putShort((short) (InetDiagParser.NLA_HEADER + kept + grown)).putShort((short) type);
			for (int i = 0; i < kept; i++) {
				out.put(dump.get(at + InetDiagParser.NLA_HEADER + i));
			}
			for (int i = 0; i < grown; i++) {
				out.put((byte) 0xff);
			}
			while (out.position() % 4 != 0) {
				out.put((byte) 0);
			}
			at += (attributeLength + 3) & ~3;
		}
		int total = out.position();
		out.putInt(0, total);
		// and NLMSG_DONE after it, as a dump ends
		out.putInt(16).putShort((short) NetlinkMessages.NLMSG_DONE).putShort((short) 2).putInt(0).putInt(0);
		byte[] bytes = new byte[out.position()];
		out.flip().get(bytes);
		return bytes;
	}

	private static byte[] dump() throws IOException {
		try (InputStream in = TcpInfoParserTests.class.getResourceAsStream("/netlink/tcp-info-dump.bin")) {
			return in.readAllBytes();
		}
	}

}
