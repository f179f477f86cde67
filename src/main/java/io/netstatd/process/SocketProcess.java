package io.netstatd.process;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A process holding a socket: what netstat's {@code -p} column shows, the name
 * untruncated.
 *
 * @param pid the process id
 * @param name the base name of argv[0], or the kernel's {@code comm} when argv is empty
 */
@Schema(requiredProperties = { "pid", "name" })
public record SocketProcess(int pid, String name) {

}
