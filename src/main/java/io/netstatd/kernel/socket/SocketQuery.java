package io.netstatd.kernel.socket;

import io.netstatd.kernel.netns.NamespaceChoice;

/**
 * A query for sockets: which, and in which namespaces. What the state counts and the
 * connection stream ask.
 *
 * @param selection which sockets
 * @param netns which namespaces
 */
public record SocketQuery(SocketSelection selection, NamespaceChoice netns) {

	/** Reading every namespace walks every process. */
	/**
	 * Whether reading it walks every socket, process or namespace.
	 * @return whether it takes a place among the expensive walks
	 */
	public boolean expensive() {
		return this.netns.all();
	}

}
