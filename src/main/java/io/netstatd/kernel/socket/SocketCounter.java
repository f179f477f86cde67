package io.netstatd.kernel.socket;

import java.util.function.Consumer;

import io.netstatd.support.report.Skipped;

/**
 * What a count makes of sockets given to it one at a time ({@link SocketService#count}):
 * state counts, top remote addresses. It keeps its counts, never the sockets.
 *
 * @param <T> the answer
 */
public interface SocketCounter<T> extends Consumer<InetSocket> {

	/**
	 * The answer, once every socket was given.
	 * @param skipped the lines the read skipped
	 * @return the answer
	 */
	T result(Skipped skipped);

}
