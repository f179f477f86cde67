package io.netstatd.kernel.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A process holding a socket: what netstat's {@code -p} column shows, the name
 * untruncated.
 *
 * @param pid the process id
 * @param name the base name of argv[0], or the kernel's {@code comm} when argv is empty
 * @param commandLine argv joined by spaces; only when
 * {@code netstatd.processes.command-lines} is on, since command lines hold secrets
 */
@Schema(requiredProperties = { "pid", "name" })
public record SocketProcess(int pid, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String commandLine) {

}
