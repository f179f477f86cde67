package io.netstatd.socket;

import java.util.List;

/**
 * The Unix domain sockets read at one moment, and the lines that could not be read.
 *
 * @param sockets the sockets
 * @param skipped the lines left out: malformed, or forged by a name holding a line break
 */
public record UnixTable(List<UnixSocket> sockets, List<SkippedLine> skipped) {

}
