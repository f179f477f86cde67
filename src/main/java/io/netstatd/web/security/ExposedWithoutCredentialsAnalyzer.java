package io.netstatd.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the refusal to listen beyond loopback without credentials into Spring Boot's
 * start-up report: one description and one action, where it was printed three times in 65
 * lines of stack traces. Registered in {@code META-INF/spring.factories}.
 */
class ExposedWithoutCredentialsAnalyzer extends AbstractFailureAnalyzer<ExposedWithoutCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ExposedWithoutCredentialsException cause) {
		return new FailureAnalysis(
				"netstatd is bound to " + cause.where() + ", beyond loopback, and has no credentials: anyone who "
						+ "can reach it would see who connects to this host and which programs listen.",
				"Set netstatd.security.users (bcrypt password hashes) or netstatd.security.token-hashes, bind to "
						+ "127.0.0.1 (server.address), or set netstatd.security.allow-anonymous=true to serve anyone "
						+ "on purpose.",
				cause);
	}

}
