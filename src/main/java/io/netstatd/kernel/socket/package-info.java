/**
 * Sockets: their types, the selection requests make, and the one read path for every
 * namespace (sock_diag netlink, or procfs).
 */
package io.netstatd.kernel.socket;
