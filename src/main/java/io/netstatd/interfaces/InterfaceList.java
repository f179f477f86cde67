package io.netstatd.interfaces;

import java.util.List;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -ia}: every interface, in the kernel's order.
 *
 * @param interfaces the interfaces
 * @param skipped the lines of {@code /proc/net/dev} that could not be read
 */
@Schema(requiredProperties = { "interfaces", "skipped" })
public record InterfaceList(List<NetInterface> interfaces, Skipped skipped) {

}
