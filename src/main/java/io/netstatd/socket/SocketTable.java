package io.netstatd.socket;

import java.util.List;

/**
 * The sockets read from one or more tables at one moment, and the lines that could not be
 * read.
 *
 * @param sockets the sockets, in the order the kernel listed them
 * @param skipped the malformed lines left out
 */
public record SocketTable(List<InetSocket> sockets, List<SkippedLine> skipped) {

}
