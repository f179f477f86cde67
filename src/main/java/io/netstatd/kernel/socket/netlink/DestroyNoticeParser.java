package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;

/**
 * Parses the notices the kernel multicasts on the sock_diag destroy groups
 * ({@code SKNLGRP_INET_TCP_DESTROY} and the others, what {@code ss -E} reads): one
 * {@code inet_diag_msg} per destroyed socket, filled by
 * {@code inet_diag_handler_get_info} ({@code net/ipv4/inet_diag.c}) with the socket's
 * ends, final state and cookie, an {@code INET_DIAG_PROTOCOL} attribute (u8) saying
 * whether it was TCP or UDP, and for TCP its final {@code tcp_info}. Uid and inode are
 * not filled (0). A pure function over bytes.
 */
public final class DestroyNoticeParser {

	static final int INET_DIAG_PROTOCOL = 10;

	private static final int IPPROTO_TCP = 6;

	private static final int IPPROTO_UDP = 17;

	private static final int IPPROTO_UDPLITE = 136;

	private DestroyNoticeParser() {
	}

	/**
	 * Hands each destroyed socket in the first {@code length} bytes of {@code buffer} to
	 * {@code sockets}; notices of other protocols (raw, SCTP) are passed over.
	 * @param buffer the received bytes, from position 0
	 * @param length how many were received
	 * @param sockets where the sockets go
	 */
	public static void parse(ByteBuffer buffer, int length, Consumer<InetSocket> sockets) {
		NetlinkMessages.forEach(buffer, length, InetDiagParser.INET_DIAG_MSG, (data, payload, end) -> {
			Protocol protocol = protocol(data, payload, end);
			if (protocol != null) {
				sockets.accept(InetDiagParser.socket(data, payload, end, protocol));
			}
		});
	}

	private static Protocol protocol(ByteBuffer data, int m, int end) {
		boolean ipv6 = (data.get(m) & 0xff) == InetDiagParser.AF_INET6;
		int at = m + InetDiagParser.INET_DIAG_MSG;
		while (at + InetDiagParser.NLA_HEADER <= end) {
			int length = data.getShort(at) & 0xffff;
			int type = data.getShort(at + 2) & 0x3fff;
			if (length < InetDiagParser.NLA_HEADER || at + length > end) {
				return null;
			}
			if (type == INET_DIAG_PROTOCOL && length > InetDiagParser.NLA_HEADER) {
				return switch (data.get(at + InetDiagParser.NLA_HEADER) & 0xff) {
					case IPPROTO_TCP -> ipv6 ? Protocol.TCP6 : Protocol.TCP;
					case IPPROTO_UDP -> ipv6 ? Protocol.UDP6 : Protocol.UDP;
					case IPPROTO_UDPLITE -> ipv6 ? Protocol.UDPLITE6 : Protocol.UDPLITE;
					default -> null;
				};
			}
			at += (length + 3) & ~3;
		}
		return null;
	}

}
