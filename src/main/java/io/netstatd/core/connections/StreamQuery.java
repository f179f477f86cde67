package io.netstatd.core.connections;

import io.netstatd.kernel.socket.SocketQuery;

/**
 * What {@code /connections/stream} asks, bound once: the sockets, and whether closes
 * carry their final {@code tcp_info}.
 *
 * @param sockets which sockets, in which namespaces
 * @param info whether a socket the kernel destroyed comes with its final {@code tcpInfo}
 */
record StreamQuery(SocketQuery sockets, boolean info) {

}
