package io.netstatd.live.top;

import java.util.Locale;

/**
 * What {@code /top/connections} ranks by ({@code by}).
 */
enum Ranking {

	/** Bytes sent (acknowledged) and received per second. */
	BYTES,

	/** Segments retransmitted per second. */
	RETRANSMITS,

	/** Segments sent and received per second. */
	SEGMENTS;

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
