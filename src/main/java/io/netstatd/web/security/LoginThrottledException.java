package io.netstatd.web.security;

import org.springframework.security.core.AuthenticationException;

/**
 * An address that keeps failing to log in, refused without a password check until its
 * pause ends: a 429 problem with {@code Retry-After}. The refusal depends on the address
 * only, never on the name sent, so it tells no names.
 */
class LoginThrottledException extends AuthenticationException {

	private final long retryAfterSeconds;

	LoginThrottledException(long retryAfterSeconds) {
		super("Too many failed logins from this address");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
