package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The framing of a netlink dump, shared by the sock_diag parsers: {@code struct nlmsghdr}
 * (length, type, flags, sequence, pid; host byte order) before each message, messages on
 * 4-byte boundaries, {@code NLMSG_DONE} at the end and {@code NLMSG_ERROR} for a failure.
 */
final class NetlinkMessages {

	static final int NLMSG_HEADER = 16;

	static final int NLMSG_ERROR = 2;

	static final int NLMSG_DONE = 3;

	static final int SOCK_DIAG_BY_FAMILY = 20;

	private NetlinkMessages() {
	}

	/**
	 * Hands every sock_diag message in the first {@code length} bytes of {@code buffer}
	 * to {@code handler}.
	 * @return whether the dump is complete
	 * @throws NetlinkException when the kernel answered with an error, or a message is
	 * cut
	 */
	static InetDiagParser.Outcome forEach(ByteBuffer buffer, int length, int minimumPayload, Handler handler) {
		ByteBuffer data = buffer.duplicate().order(ByteOrder.nativeOrder());
		int offset = 0;
		while (offset + NLMSG_HEADER <= length) {
			int messageLength = data.getInt(offset);
			int type = data.getShort(offset + 4) & 0xffff;
			if (messageLength < NLMSG_HEADER || offset + messageLength > length) {
				throw new NetlinkException("truncated netlink message of " + messageLength + " bytes");
			}
			if (type == NLMSG_DONE) {
				return InetDiagParser.Outcome.DONE;
			}
			if (type == NLMSG_ERROR) {
				int errno = -data.getInt(offset + NLMSG_HEADER);
				throw new NetlinkException("sock_diag answered errno " + errno, errno);
			}
			if (type == SOCK_DIAG_BY_FAMILY && messageLength >= NLMSG_HEADER + minimumPayload) {
				handler.message(data, offset + NLMSG_HEADER, offset + messageLength);
			}
			// NLMSG_ALIGN: messages start on 4-byte boundaries
			offset += (messageLength + 3) & ~3;
		}
		return InetDiagParser.Outcome.MORE;
	}

	/** What to do with one {@code SOCK_DIAG_BY_FAMILY} message. */
	@FunctionalInterface
	interface Handler {

		/**
		 * One message.
		 * @param data the buffer, in host byte order
		 * @param payload where the message after its header starts
		 * @param end where the message ends
		 */
		void message(ByteBuffer data, int payload, int end);

	}

}
