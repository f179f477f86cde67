package io.netstatd.socket;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One Unix domain socket: a line of {@code netstat -xa}.
 *
 * @param type stream, dgram, seqpacket (kernel {@code SOCK_*})
 * @param state netstat's name of the socket's state
 * @param listening whether it accepts connections ({@code SO_ACCEPTCON}, netstat's ACC
 * flag)
 * @param refCount the kernel's reference count; absent when only netlink saw the socket
 * @param inode the socket's inode
 * @param path the bound name: a file system path (spaces kept), an abstract name with a
 * leading {@code @}, non-printable bytes as {@code \xNN}; absent when unbound
 */
@Schema(requiredProperties = { "type", "state", "listening", "inode" })
public record UnixSocket(Type type, State state, boolean listening,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long refCount, long inode,
		@JsonInclude(JsonInclude.Include.NON_NULL) String path) {

	/** A socket type, kernel {@code SOCK_*} numbering. */
	public enum Type {

		STREAM, DGRAM, RAW, RDM, SEQPACKET, UNKNOWN;

		/**
		 * The type of kernel code {@code code}: 1 stream, 2 dgram, 3 raw, 4 rdm, 5
		 * seqpacket.
		 */
		public static Type of(int code) {
			return (code >= 1 && code <= 5) ? values()[code - 1] : UNKNOWN;
		}

		@JsonValue
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * netstat's names for {@code socket_state} ({@code SS_*}); UNCONNECTED is what
	 * netstat leaves blank.
	 */
	public enum State {

		FREE, UNCONNECTED, CONNECTING, CONNECTED, DISCONNECTING, LISTENING, UNKNOWN;

		/**
		 * The state of procfs's {@code St} column; an unconnected socket that accepts is
		 * LISTENING.
		 */
		public static State of(int code, boolean accepting) {
			return switch (code) {
				case 0 -> FREE;
				case 1 -> accepting ? LISTENING : UNCONNECTED;
				case 2 -> CONNECTING;
				case 3 -> CONNECTED;
				case 4 -> DISCONNECTING;
				default -> UNKNOWN;
			};
		}

	}

	/**
	 * A bound name as shown: {@code @} for each NUL (how procfs prints an abstract name),
	 * UTF-8 kept, and every other byte that is a control character or not UTF-8 as
	 * {@code \xNN}, a backslash as {@code \\}: no byte of a name can pass for another.
	 */
	public static String displayName(byte[] raw, int offset, int length) {
		StringBuilder name = new StringBuilder(length);
		int end = offset + length;
		int i = offset;
		while (i < end) {
			int b = raw[i] & 0xff;
			int sequence = (b >= 0x80) ? utf8Length(raw, i, end) : 1;
			if (b == 0) {
				name.append('@');
			}
			else if (b == '\\') {
				name.append("\\\\");
			}
			else if (b < 0x20 || b == 0x7f || sequence == 0) {
				name.append(String.format("\\x%02x", b));
				sequence = 1;
			}
			else {
				name.append(new String(raw, i, sequence, java.nio.charset.StandardCharsets.UTF_8));
			}
			i += sequence;
		}
		return name.toString();
	}

	/**
	 * The length of the UTF-8 sequence starting at {@code i}, or 0 when there is none.
	 */
	private static int utf8Length(byte[] raw, int i, int end) {
		int b = raw[i] & 0xff;
		int length = (b >= 0xc2 && b <= 0xdf) ? 2 : (b >= 0xe0 && b <= 0xef) ? 3 : (b >= 0xf0 && b <= 0xf4) ? 4 : 0;
		if (length == 0 || i + length > end) {
			return 0;
		}
		for (int k = 1; k < length; k++) {
			if ((raw[i + k] & 0xc0) != 0x80) {
				return 0;
			}
		}
		return length;
	}

}
