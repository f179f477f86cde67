package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.util.List;

import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.text.Printable;

/**
 * Parses one buffer of a {@code unix_diag} dump ({@code include/uapi/linux/unix_diag.h}):
 * each {@code struct unix_diag_msg} (family, type, state, pad, inode, cookie) followed by
 * attributes, of which {@code UNIX_DIAG_NAME} carries the bound name as raw bytes. Unlike
 * {@code /proc/net/unix}, nothing a name holds can be taken for another socket.
 */
public final class UnixDiagParser {

	static final int UNIX_DIAG_MSG = 16;

	static final int UNIX_DIAG_NAME = 0;

	private static final int TCP_ESTABLISHED = 1;

	private static final int TCP_SYN_SENT = 2;

	private static final int TCP_CLOSE = 7;

	private static final int TCP_LISTEN = 10;

	private UnixDiagParser() {
	}

	/**
	 * Parses the messages in the first {@code length} bytes of {@code buffer} into
	 * {@code sockets} (their refCount unknown: sock_diag does not report it).
	 * @return whether the dump is complete
	 */
	public static InetDiagParser.Outcome parse(ByteBuffer buffer, int length, List<UnixSocket> sockets) {
		return NetlinkMessages.forEach(buffer, length, UNIX_DIAG_MSG,
				(data, payload, end) -> sockets.add(socket(data, payload, end)));
	}

	/**
	 * A path name ends at its first NUL (bind() may have counted the terminator); an
	 * abstract name starts with NUL and every byte of it counts.
	 */
	private static int nameLength(byte[] raw) {
		if (raw.length == 0 || raw[0] == 0) {
			return raw.length;
		}
		int length = 0;
		while (length < raw.length && raw[length] != 0) {
			length++;
		}
		return length;
	}

	private static UnixSocket socket(ByteBuffer data, int m, int end) {
		int type = data.get(m + 1) & 0xff;
		int state = data.get(m + 2) & 0xff;
		long inode = Integer.toUnsignedLong(data.getInt(m + 4));
		String name = null;
		// attributes: struct rtattr { u16 len; u16 type; } and the payload, 4-byte
		// aligned
		int attribute = m + UNIX_DIAG_MSG;
		while (attribute + 4 <= end) {
			int attributeLength = data.getShort(attribute) & 0xffff;
			int attributeType = data.getShort(attribute + 2) & 0xffff;
			if (attributeLength < 4 || attribute + attributeLength > end) {
				break;
			}
			if (attributeType == UNIX_DIAG_NAME && attributeLength > 4) {
				byte[] raw = new byte[attributeLength - 4];
				data.get(attribute + 4, raw);
				name = Printable.socketName(raw, 0, nameLength(raw));
			}
			attribute += (attributeLength + 3) & ~3;
		}
		boolean listening = state == TCP_LISTEN;
		UnixSocket.State shown = switch (state) {
			case TCP_LISTEN -> UnixSocket.State.LISTENING;
			case TCP_ESTABLISHED -> UnixSocket.State.CONNECTED;
			case TCP_SYN_SENT -> UnixSocket.State.CONNECTING;
			case TCP_CLOSE -> UnixSocket.State.UNCONNECTED;
			default -> UnixSocket.State.UNKNOWN;
		};
		return new UnixSocket(UnixSocket.Type.of(type), shown, listening, null, inode, name);
	}

}
