package io.netstatd.kernel.socket;

/**
 * A table's dump failed after some of its sockets had gone to a sink: what the sink was
 * given is part of a table, and cannot be completed from procfs without counting some
 * sockets twice. Whoever gave the sink starts again from tables read whole.
 */
public class DumpInterruptedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DumpInterruptedException(Protocol protocol, RuntimeException cause) {
		super("the " + protocol.label() + " dump failed half way", cause);
	}

}
