package io.netstatd.multicast;

import java.util.List;

import io.netstatd.socket.Skipped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code netstat -gn}: IPv4 memberships, then IPv6 ones, in the kernel's order.
 *
 * @param memberships the memberships
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "memberships", "skipped" })
public record MembershipList(List<Membership> memberships, Skipped skipped) {

}
