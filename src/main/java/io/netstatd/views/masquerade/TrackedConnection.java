package io.netstatd.views.masquerade;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One connection the kernel tracks ({@code /proc/net/nf_conntrack}), with what NAT did to
 * it.
 *
 * @param family ipv4 or ipv6
 * @param protocol tcp, udp, icmp, ...
 * @param expiresSeconds seconds until the entry expires
 * @param state the TCP (or SCTP, DCCP) state; null for others
 * @param original the connection as the initiator sent it
 * @param reply the connection as the kernel expects replies
 * @param snat whether the source was rewritten (masquerading): replies go to another
 * address or port than the initiator's
 * @param dnat whether the destination was rewritten (port forwarding): replies come from
 * another address or port than the one asked
 * @param assured whether traffic was seen both ways ([ASSURED])
 * @param unreplied whether no reply was seen yet ([UNREPLIED])
 * @param mark the connection mark
 * @param zone the conntrack zone
 */
@Schema(requiredProperties = { "family", "protocol", "expiresSeconds", "state", "original", "reply", "snat", "dnat",
		"assured", "unreplied", "mark", "zone" })
public record TrackedConnection(String family, String protocol, long expiresSeconds, String state, Tuple original,
		Tuple reply, boolean snat, boolean dnat, boolean assured, boolean unreplied, long mark, long zone) {

}
