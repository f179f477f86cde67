/**
 * Sockets through {@code NETLINK_SOCK_DIAG}, as ss reads them: binary rows, states
 * filtered in the kernel.
 */
package io.netstatd.kernel.socket.netlink;
