package io.netstatd.kernel.socket;

/**
 * What was asked needs the kernel's sock_diag interface (tcp_info, socket cookies,
 * destroy notices), and this service reads its sockets from procfs (another procfs root,
 * or {@code netstatd.sockets.source=procfs}) or may not join the destroy groups. A 501
 * problem.
 */
public class NoSockDiagException extends RuntimeException {

	/**
	 * The refusal.
	 * @param what what was asked and what it needs, as a sentence's start
	 */
	public NoSockDiagException(String what) {
		super(what);
	}

}
