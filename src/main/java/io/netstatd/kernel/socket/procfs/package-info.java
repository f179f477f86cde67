/**
 * Sockets through procfs text: {@code /proc/net/tcp} and its siblings, {@code unix}.
 */
package io.netstatd.kernel.socket.procfs;
