package io.netstatd.kernel.socket;

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
	 * Every word a {@code state} parameter takes, as the contract and the 400 list them:
	 * netstat's names, ss's names and groups ({@code ss state ...}). Case does not
	 * matter.
	 */
	public static final List<String> WORDS = List.of("ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
			"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "UNCONN", "UNKNOWN", "ESTAB",
			"SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSE-WAIT", "LAST-ACK", "closed",
			"listening", "all", "connected", "synchronized", "bucket", "big");

	/**
	 * The states a word of a {@code state} parameter stands for: a netstat name
	 * ({@code TIME_WAIT}), ss's spelling of it ({@code time-wait}, {@code ESTAB},
	 * {@code fin-wait-1}), ss's filter names ({@code closed}: code 07, TCP's CLOSE and
	 * UDP's UNCONN alike; {@code listening}) and ss's groups: {@code all};
	 * {@code connected} (all but listening and closed ones); {@code synchronized}
	 * (connected but SYN_SENT); {@code bucket} (the minisockets: SYN_RECV, TIME_WAIT);
	 * {@code big} (all but bucket). Case does not matter.
	 * @param word the word
	 * @return the states, or null when the word names none
	 */
	public static Set<SocketState> named(String word) {
		Set<SocketState> connected = EnumSet.complementOf(EnumSet.of(LISTEN, CLOSE, UNCONN, UNKNOWN));
		switch (word.toLowerCase(Locale.ROOT)) {
			case "all":
				return EnumSet.allOf(SocketState.class);
			case "connected":
				return connected;
			case "synchronized":
				connected.remove(SYN_SENT);
				return connected;
			case "bucket":
				return EnumSet.of(SYN_RECV, TIME_WAIT);
			case "big":
				return EnumSet.complementOf(EnumSet.of(SYN_RECV, TIME_WAIT));
			case "closed":
				return EnumSet.of(CLOSE, UNCONN);
			case "listening":
				return EnumSet.of(LISTEN);
			case "estab":
				return EnumSet.of(ESTABLISHED);
			default:
				SocketState state = fromName(word);
				return (state != null) ? EnumSet.of(state) : null;
		}
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
