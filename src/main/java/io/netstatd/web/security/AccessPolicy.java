package io.netstatd.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether requests must authenticate, decided once at start from where the service
 * listens and what credentials it has: credentials, when there are any, are always
 * required; beyond loopback they must exist, unless anonymous access is allowed in so
 * many words.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/**
	 * Whether requests must authenticate where the service listens.
	 * @param serverAddress {@code server.address}; empty means every interface
	 * @return whether requests must authenticate
	 * @throws IllegalStateException when bound beyond loopback with no credentials and no
	 * {@code allow-anonymous}: the service refuses to start, and says why
	 */
	public static boolean requiresAuthentication(String serverAddress, SecurityProperties properties) {
		if (properties.hasCredentials()) {
			return true;
		}
		if (isLoopback(serverAddress) || properties.allowAnonymous()) {
			return false;
		}
		String where = (serverAddress == null || serverAddress.isBlank()) ? "every interface" : serverAddress;
		throw new ExposedWithoutCredentialsException(where);
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
