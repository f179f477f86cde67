package io.netstatd.web.security;

import java.util.List;

import io.netstatd.support.access.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may ask ({@code netstatd.security.*}). This service tells whoever asks who connects
 * to the host and which programs listen, so anywhere beyond loopback it wants
 * credentials.
 *
 * @param users HTTP Basic users, each with a bcrypt hash of its password
 * @param tokenHashes bearer tokens with the {@code reader} role, each as the hex SHA-256
 * of the token, so that the configuration holds no secret
 * ({@code printf %s "$TOKEN" | sha256sum})
 * @param tokens bearer tokens with roles of their own
 * @param allowAnonymous serve anyone even when bound beyond loopback without credentials
 * @param corsAllowedOrigins origins whose pages may call the API from a browser; none by
 * default
 */
@ConfigurationProperties("netstatd.security")
public record SecurityProperties(@DefaultValue List<User> users, @DefaultValue List<String> tokenHashes,
		@DefaultValue List<Token> tokens, @DefaultValue("false") boolean allowAnonymous,
		@DefaultValue List<String> corsAllowedOrigins) {

	/** Whether any user or token is configured. */
	public boolean hasCredentials() {
		return !this.users.isEmpty() || !this.tokenHashes.isEmpty() || !this.tokens.isEmpty();
	}

	/** Every token, those of {@code token-hashes} as readers. */
	List<Token> allTokens() {
		List<Token> all = new java.util.ArrayList<>(this.tokens);
		this.tokenHashes.forEach((hash) -> all.add(new Token(hash, List.of(Role.READER))));
		return all;
	}

	/**
	 * An HTTP Basic user.
	 *
	 * @param name the user name
	 * @param passwordHash the bcrypt hash of the password ({@code $2a$}, {@code $2b$} or
	 * {@code $2y$})
	 * @param roles what it may ask: {@code metrics}, {@code reader} (the default) or
	 * {@code privileged}, each granting the ones before it
	 */
	public record User(String name, String passwordHash, @DefaultValue("reader") List<Role> roles) {

	}

	/**
	 * A bearer token.
	 *
	 * @param hash the hex SHA-256 of the token
	 * @param roles what it may ask, as a user's roles ({@code reader} by default)
	 */
	public record Token(String hash, @DefaultValue("reader") List<Role> roles) {

	}

}
