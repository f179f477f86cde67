package io.netstatd.top;

/**
 * The sockets are read from procfs here (another procfs root, or
 * {@code netstatd.sockets.source=procfs}), which has no {@code tcp_info} and no cookies:
 * nothing to measure connections by. A 501 problem.
 */
public class NoSockDiagException extends RuntimeException {

	NoSockDiagException() {
		super("/top/connections needs the kernel's sock_diag interface (tcp_info, socket cookies), and this service "
				+ "reads its sockets from procfs: set netstatd.sockets.source=auto or netlink, with /proc as the "
				+ "procfs root.");
	}

}
