package io.netstatd.socket;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A socket's state, named as netstat names it. The kernel prints the state as the hex
 * code in column {@code st} of {@code /proc/net/tcp} ({@code include/net/tcp_states.h}).
 * UDP reuses those codes: {@code 01} is a connected socket and {@code 07} an unconnected
 * one, which netstat leaves blank and ss calls {@code UNCONN}; so do we.
 */
public enum SocketState {

	ESTABLISHED(0x01), SYN_SENT(0x02), SYN_RECV(0x03), FIN_WAIT1(0x04), FIN_WAIT2(0x05), TIME_WAIT(0x06), CLOSE(0x07),
	CLOSE_WAIT(0x08), LAST_ACK(0x09), LISTEN(0x0A), CLOSING(0x0B),
	/** A UDP socket with no peer (kernel code 07 in a UDP table). */
	UNCONN(-1),
	/** A code this version does not know; netstat prints {@code UNKNOWN} too. */
	UNKNOWN(-1);

	/** The eleven TCP states netstat names, in the kernel's order. */
	public static final List<SocketState> TCP_STATES = List.of(ESTABLISHED, SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2,
			TIME_WAIT, CLOSE, CLOSE_WAIT, LAST_ACK, LISTEN, CLOSING);

	private static final SocketState[] BY_TCP_CODE = new SocketState[16];

	static {
		java.util.Arrays.fill(BY_TCP_CODE, UNKNOWN);
		for (SocketState state : TCP_STATES) {
			BY_TCP_CODE[state.code] = state;
		}
	}

	private final int code;

	SocketState(int code) {
		this.code = code;
	}

	/**
	 * The states of one of ss's state groups: {@code all}; {@code connected} (all but
	 * listening and closed ones); {@code synchronized} (connected but SYN_SENT);
	 * {@code bucket} (the minisockets: SYN_RECV, TIME_WAIT); {@code big} (all but
	 * bucket); case-insensitive; {@code null} for any other name.
	 */
	public static Set<SocketState> group(String name) {
		Set<SocketState> connected = EnumSet.complementOf(EnumSet.of(LISTEN, CLOSE, UNCONN, UNKNOWN));
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "all" -> EnumSet.allOf(SocketState.class);
			case "connected" -> connected;
			case "synchronized" -> {
				connected.remove(SYN_SENT);
				yield connected;
			}
			case "bucket" -> EnumSet.of(SYN_RECV, TIME_WAIT);
			case "big" -> EnumSet.complementOf(EnumSet.of(SYN_RECV, TIME_WAIT));
			default -> null;
		};
	}

	/** The kernel's code of this TCP state, or -1 for UNCONN and UNKNOWN. */
	public int tcpCode() {
		return this.code;
	}

	/** The state a TCP table's {@code st} code means. */
	public static SocketState ofTcpCode(int code) {
		return (code >= 0 && code < BY_TCP_CODE.length) ? BY_TCP_CODE[code] : UNKNOWN;
	}

	/** The state a UDP table's {@code st} code means. */
	public static SocketState ofUdpCode(int code) {
		return switch (code) {
			case 0x01 -> ESTABLISHED;
			case 0x07 -> UNCONN;
			default -> UNKNOWN;
		};
	}

	/**
	 * The state named {@code name}: case-insensitive, and ss's spelling with dashes
	 * ({@code fin-wait-1}) is accepted beside netstat's; {@code null} when none is.
	 */
	public static SocketState fromName(String name) {
		String wanted = name.toUpperCase(Locale.ROOT).replace('-', '_');
		for (SocketState state : values()) {
			if (state.name().equals(wanted) || state.name().equals(wanted.replace("WAIT_", "WAIT"))) {
				return state;
			}
		}
		return null;
	}

}
