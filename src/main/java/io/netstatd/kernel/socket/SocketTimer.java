package io.netstatd.kernel.socket;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A socket's pending timer, what {@code netstat -o} shows as
 * {@code keepalive (7.21/0/0)}.
 *
 * @param kind which timer is pending
 * @param expiresSeconds seconds until it fires
 * @param retransmits unrecovered retransmissions (procfs {@code retrnsmt})
 * @param probes unanswered zero-window or keepalive probes (procfs {@code timeout}
 * column)
 */
@Schema(requiredProperties = { "kind", "expiresSeconds", "retransmits", "probes" })
public record SocketTimer(Kind kind, double expiresSeconds, long retransmits, long probes) {

	/** No timer pending. */
	public static final SocketTimer OFF = new SocketTimer(Kind.OFF, 0, 0, 0);

	/**
	 * The kernel's {@code timer_active} codes (procfs {@code tr}, sock_diag
	 * {@code idiag_timer}), named as netstat names them.
	 */
	public enum Kind {

		/** 0: no timer. */
		OFF,
		/** 1: the retransmit timer. */
		ON,
		/** 2: keepalive (or delayed ACK). */
		KEEPALIVE,
		/** 3: a TIME_WAIT socket's end. */
		TIMEWAIT,
		/** 4: the zero window probe timer. */
		PROBE,
		/** A code this version does not know. */
		UNKNOWN;

		/** The codes in order; values() would copy the array for every row. */
		private static final Kind[] CODES = values();

		public static Kind of(int code) {
			return (code >= 0 && code < UNKNOWN.ordinal()) ? CODES[code] : UNKNOWN;
		}

		@JsonValue
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
