package io.netstatd.kernel.socket;

import io.netstatd.support.query.InvalidParameterException;

/**
 * What a request may ask sock_diag to add to each row beyond its columns: the attributes
 * of {@code idiag_ext}, named after the parameters that ask for them.
 */
public enum SocketDetail {

	/** {@code info=true}: {@code tcp_info} and the congestion control ({@code ss -i}). */
	INFO("info", (1 << (2 - 1)) | (1 << (4 - 1))),

	/** {@code memory=true}: the socket's memory ({@code ss -m}). */
	MEMORY("memory", 1 << (7 - 1));

	private final String parameter;

	private final int extensions;

	SocketDetail(String parameter, int extensions) {
		this.parameter = parameter;
		this.extensions = extensions;
	}

	/**
	 * The parameter that asks for it.
	 * @return its name
	 */
	public String parameter() {
		return this.parameter;
	}

	/**
	 * The bits of {@code inet_diag_req_v2.idiag_ext} that ask the kernel for it: bit n-1
	 * for attribute n ({@code INET_DIAG_INFO} 2, {@code INET_DIAG_CONG} 4,
	 * {@code INET_DIAG_SKMEMINFO} 7).
	 * @return the bits
	 */
	public int extensions() {
		return this.extensions;
	}

	/**
	 * The 400 for asking where only procfs is read, which has no such fields.
	 * @param where what is read from procfs
	 * @return the refusal
	 */
	public InvalidParameterException unavailable(String where) {
		return new InvalidParameterException(this.parameter,
				"'" + this.parameter + "=true' needs the kernel's sock_diag interface, and " + where
						+ " is read from procfs, which has no such fields: leave out " + this.parameter + ".",
				"false where sockets are read from procfs (another namespace, another procfs root, "
						+ "netstatd.sockets.source=procfs)");
	}

}
