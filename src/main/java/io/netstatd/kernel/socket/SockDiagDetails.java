package io.netstatd.kernel.socket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What sock_diag tells about a socket beyond procfs's columns, what {@code ss -e},
 * {@code -i} and {@code -m} add: the socket's cookie, its cgroup and mark, and, when
 * asked for, its {@code tcp_info} and memory. Rows read from procfs have none.
 *
 * @param cookie the kernel's id of the socket, stable for its life
 * ({@code idiag_cookie}); shown in hex as ss prints it ({@code sk:...})
 * @param cgroupId the id of the cgroup v2 the socket was created in
 * ({@code INET_DIAG_CGROUP_ID}: the inode of its directory in the cgroup2 file system)
 * @param mark the socket's mark ({@code SO_MARK}, ss's {@code fwmark}; given to
 * {@code CAP_NET_ADMIN} only), absent when 0
 * @param tcpInfo with {@code info=true}: how the TCP connection is doing
 * @param memory with {@code memory=true}: the socket's memory
 * @param backlog a listener's backlog, how many connections its accept queue may hold
 * ({@code idiag_wqueue} of a LISTEN row, ss's Send-Q); null for other sockets. Not a
 * column: {@code /proc/net/tcp} prints 0 there, and both sources give the same rows
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SockDiagDetails(@JsonIgnore long cookie, @JsonIgnore Long cgroupId, Long mark, TcpInfo tcpInfo,
		SocketMemory memory, @JsonIgnore Long backlog) {

	/** The details of a socket that is no listener. */
	public SockDiagDetails(long cookie, Long cgroupId, Long mark, TcpInfo tcpInfo, SocketMemory memory) {
		this(cookie, cgroupId, mark, tcpInfo, memory, null);
	}

	/**
	 * The cookie from the two 32-bit words of {@code idiag_cookie}, high word second.
	 * @param low {@code idiag_cookie[0]}
	 * @param high {@code idiag_cookie[1]}
	 * @return the cookie
	 */
	public static long cookie(int low, int high) {
		return (Integer.toUnsignedLong(high) << 32) | Integer.toUnsignedLong(low);
	}

	/**
	 * The cookie as ss prints it ({@code sk:...}): hex without leading zeros; text, since
	 * a JSON number loses a u64's low bits in JavaScript.
	 * @return the cookie's text
	 */
	@JsonProperty("cookie")
	public String cookieText() {
		return Long.toHexString(this.cookie);
	}

}
