package io.netstatd.views.interfaces;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One network interface: the columns of {@code netstat -i} and the byte counters beside
 * them.
 *
 * @param name the interface
 * @param mtu its MTU; null when sysfs does not show the interface
 * @param flags netstat's letters (BMRU, LRU, ...); null when sysfs does not show it
 * @param up whether it is up (IFF_UP): {@code netstat -i} lists only these, {@code -a}
 * all
 * @param rxOk packets received (RX-OK)
 * @param rxErrors RX-ERR: receive errors and frame errors, as netstat adds them
 * @param rxDropped RX-DRP
 * @param rxOverruns RX-OVR (the fifo column)
 * @param txOk packets sent (TX-OK)
 * @param txErrors TX-ERR
 * @param txDropped TX-DRP
 * @param txOverruns TX-OVR (the fifo column)
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 * @param rxFrame frame errors received
 * @param rxMulticast multicast packets received
 * @param txCollisions collisions
 * @param txCarrier carrier errors
 */
@Schema(requiredProperties = { "name", "mtu", "flags", "up", "rxOk", "rxErrors", "rxDropped", "rxOverruns", "txOk",
		"txErrors", "txDropped", "txOverruns", "rxBytes", "txBytes", "rxFrame", "rxMulticast", "txCollisions",
		"txCarrier" })
public record NetInterface(String name, Integer mtu, String flags, boolean up, long rxOk, long rxErrors, long rxDropped,
		long rxOverruns, long txOk, long txErrors, long txDropped, long txOverruns, long rxBytes, long txBytes,
		long rxFrame, long rxMulticast, long txCollisions, long txCarrier) {

	/** The counters of {@code dev}, with what sysfs says of the device. */
	static NetInterface of(DevCounters dev, Integer mtu, Integer flags) {
		long[] c = dev.counters();
		return new NetInterface(dev.name(), mtu, (flags != null) ? InterfaceFlags.letters(flags) : null,
				flags != null && (flags & InterfaceFlags.IFF_UP) != 0, c[1], c[2] + c[5], c[3], c[4], c[9], c[10],
				c[11], c[12], c[0], c[8], c[5], c[7], c[13], c[14]);
	}

}
