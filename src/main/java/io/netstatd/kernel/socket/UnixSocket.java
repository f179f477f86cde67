package io.netstatd.kernel.socket;

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

}
