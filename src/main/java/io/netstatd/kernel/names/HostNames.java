package io.netstatd.kernel.names;

import java.util.Map;

import io.netstatd.support.inet.IpAddress;

/**
 * The host names found for one request's addresses, before its deadline.
 *
 * @param names the names found
 * @param unresolved how many addresses had no answer by the deadline (their lookups go on
 * and fill the cache for later requests)
 */
public record HostNames(Map<IpAddress, String> names, int unresolved) {

	public String name(IpAddress address) {
		return this.names.get(address);
	}

}
