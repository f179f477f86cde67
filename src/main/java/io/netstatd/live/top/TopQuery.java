package io.netstatd.live.top;

import java.time.Duration;

import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.support.query.Costly;

/**
 * What {@code /top/connections} asks, bound once from its query string.
 *
 * @param selection which TCP connections
 * @param by what they are ranked by
 * @param interval how long apart the two dumps are
 * @param limit how many connections to list
 */
record TopQuery(SocketSelection selection, Ranking by, Duration interval, int limit) implements Costly {

	/** Two dumps of every connection, with tcp_info: the price of a full list, twice. */
	@Override
	public boolean expensive() {
		return true;
	}

}
