package io.netstatd.views.multicast;

import io.netstatd.support.inet.Family;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One multicast group an interface has joined: a row of {@code netstat -gn}.
 *
 * @param family inet or inet6
 * @param iface the interface
 * @param index the interface's index
 * @param group the group address
 * @param users how many joined it (netstat's RefCnt)
 */
@Schema(requiredProperties = { "family", "iface", "index", "group", "users" })
public record Membership(Family family, String iface, int index, String group, long users) {

}
