package io.netstatd.kernel.socket.netlink;

/**
 * The sock_diag netlink interface failed: not available here, or an error from the
 * kernel.
 */
public class NetlinkException extends RuntimeException {

	private final int errno;

	public NetlinkException(String message) {
		this(message, 0);
	}

	public NetlinkException(String message, int errno) {
		super(message);
		this.errno = errno;
	}

	public NetlinkException(String message, Throwable cause) {
		super(message, cause);
		this.errno = 0;
	}

	/** The kernel's errno, or 0. */
	public int errno() {
		return this.errno;
	}

}
