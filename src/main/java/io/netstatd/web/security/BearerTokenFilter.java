package io.netstatd.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the token's SHA-256 is compared, in constant
 * time, with the configured hashes. A wrong token is no error here: the request then goes
 * on unauthenticated and gets the 401 every anonymous request gets.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final List<byte[]> hashes;

	private final List<List<String>> authorities;

	BearerTokenFilter(List<SecurityProperties.Token> tokens) {
		this.hashes = tokens.stream()
			.map((token) -> HexFormat.of().parseHex(token.hash().toLowerCase(Locale.ROOT)))
			.toList();
		this.authorities = tokens.stream().map((token) -> ConfiguredUsers.roles(token.roles())).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		int found = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7))
				? match(header.substring(7).strip()) : -1;
		if (found >= 0) {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("token", null,
						AuthorityUtils.createAuthorityList(this.authorities.get(found))));
		}
		chain.doFilter(request, response);
	}

	/** The index of the token's hash, or -1. */
	private int match(String token) {
		byte[] hash = sha256(token);
		int found = -1;
		for (int i = 0; i < this.hashes.size(); i++) {
			// no early exit: the time taken says nothing of which hash came close
			if (MessageDigest.isEqual(hash, this.hashes.get(i)) && found < 0) {
				found = i;
			}
		}
		return found;
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
