package io.netstatd.kernel.names;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netstatd.support.inet.IpAddress;

/**
 * One reverse DNS lookup, blocking: the host name of an address, or null when it has
 * none. The system resolver answers by default; tests put a resolver that never answers
 * in its place.
 */
@FunctionalInterface
public interface ReverseLookup {

	String hostName(IpAddress address);

	/** The system resolver: a PTR lookup through {@link InetAddress}. */
	static ReverseLookup system() {
		return (address) -> {
			try {
				InetAddress inet = InetAddress.getByAddress(address.bytes());
				String name = inet.getCanonicalHostName();
				// InetAddress answers with the literal when there is no name
				return name.equals(inet.getHostAddress()) ? null : name;
			}
			catch (UnknownHostException ex) {
				return null;
			}
		};
	}

}
