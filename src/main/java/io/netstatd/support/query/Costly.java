package io.netstatd.support.query;

/**
 * A query that can cost a walk of every socket, process or namespace: the bound on
 * expensive requests asks the bound query, never the path or the raw parameters.
 */
public interface Costly {

	/**
	 * Whether answering walks every socket, every process's descriptors, names or every
	 * namespace.
	 * @return whether the request takes one of the few places for such walks
	 */
	boolean expensive();

}
