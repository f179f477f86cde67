package io.netstatd.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * HTTP Basic against the configured users. A name is matched exactly, as written
 * ({@code OPS} is not {@code ops}). A password is checked against the user's bcrypt hash,
 * and against a hash of the same cost when no user has that name, so that the time an
 * answer takes does not tell a known name from an unknown one, whatever cost the hashes
 * were made with.
 */
final class ConfiguredUsers implements AuthenticationProvider {

	private final Map<String, String> hashes;

	/** The users' highest cost: what an unknown name's password is checked at. */
	private final int cost;

	/** What an unknown name's password is checked against, made on first need. */
	private volatile String decoy;

	ConfiguredUsers(List<SecurityProperties.User> users) {
		this.hashes = users.stream()
			.collect(Collectors.toUnmodifiableMap(SecurityProperties.User::name, SecurityProperties.User::passwordHash,
					(first, second) -> first));
		this.cost = users.stream().mapToInt((user) -> cost(user.passwordHash())).max().orElse(10);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		String hash = this.hashes.get(name);
		boolean matches = checks(password, (hash != null) ? hash : decoy());
		if (hash == null || !matches) {
			throw new BadCredentialsException("Bad credentials");
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList("ROLE_READER"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The hash's cost, {@code $2y$12$...}: 12; 10 for what cannot be read. */
	static int cost(String hash) {
		String[] parts = hash.split("\\$");
		try {
			return (parts.length > 2) ? Integer.parseInt(parts[2]) : 10;
		}
		catch (NumberFormatException ex) {
			return 10;
		}
	}

	/**
	 * bcrypt's check; a hash it cannot read checks nothing (and costs the decoy's time).
	 */
	private boolean checks(String password, String hash) {
		try {
			return BCrypt.checkpw(password, hash);
		}
		catch (IllegalArgumentException ex) {
			BCrypt.checkpw(password, decoy());
			return false;
		}
	}

	/**
	 * A hash of the users' cost, which no password matches for certain.
	 * @return the decoy
	 */
	String decoy() {
		String made = this.decoy;
		if (made == null) {
			made = BCrypt.hashpw("netstatd decoy", BCrypt.gensalt(this.cost));
			this.decoy = made;
		}
		return made;
	}

}
