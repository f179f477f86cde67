package io.netstatd.web.security;

/**
 * The service would listen beyond loopback with no credentials: it refuses to start, and
 * {@link ExposedWithoutCredentialsAnalyzer} says why in one paragraph, without a stack
 * trace.
 */
public class ExposedWithoutCredentialsException extends IllegalStateException {

	private final String where;

	ExposedWithoutCredentialsException(String where) {
		super("netstatd is bound to " + where
				+ ", beyond loopback, and has no credentials: anyone who can reach it would see who connects to this "
				+ "host and which programs listen. Set netstatd.security.users (bcrypt password hashes) or "
				+ "netstatd.security.token-hashes, bind to 127.0.0.1 (server.address), or set "
				+ "netstatd.security.allow-anonymous=true to serve anyone on purpose.");
		this.where = where;
	}

	/**
	 * Where it would listen.
	 * @return the address, or "every interface"
	 */
	public String where() {
		return this.where;
	}

}
