package io.netstatd.kernel.socket;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.support.query.Costly;

/**
 * A query for sockets: which, and in which namespaces. What the state counts and the
 * connection stream ask.
 *
 * @param selection which sockets
 * @param netns which namespaces
 */
public record SocketQuery(SocketSelection selection, NamespaceChoice netns) implements Costly {

	/** Reading every namespace walks every process. */
	@Override
	public boolean expensive() {
		return this.netns.all();
	}

}
