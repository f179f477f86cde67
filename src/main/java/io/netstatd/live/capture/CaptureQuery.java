package io.netstatd.live.capture;

import java.time.Duration;

/**
 * What {@code /capture/top-sources} asks, bound once from its query string.
 *
 * @param iface the interface's name, or {@code any} for every one
 * @param filter which packets to keep
 * @param packets stop after this many
 * @param duration or after this long, whichever comes first
 * @param limit how many addresses to list
 */
record CaptureQuery(String iface, PacketFilter filter, int packets, Duration duration, int limit) {

	static final String ANY = "any";

}
