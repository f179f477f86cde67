package io.netstatd.web.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccessPolicyTests {

	private static final SecurityProperties NONE = new SecurityProperties(List.of(), List.of(), List.of(), false,
			List.of());

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.0.2", "::1", "localhost" })
	void servesAnyoneOnLoopbackWithoutCredentials(String address) {
		assertThat(AccessPolicy.requiresAuthentication(address, NONE)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0.0.0.0", "::", "192.0.2.1" })
	void refusesToServeBeyondLoopbackWithoutCredentials(String address) {
		assertThatIllegalStateException().isThrownBy(() -> AccessPolicy.requiresAuthentication(address, NONE))
			.withMessageContaining("beyond loopback, and has no credentials")
			.withMessageContaining("netstatd.security.allow-anonymous=true");
	}

	@Test
	void servesAnyoneBeyondLoopbackOnlyWhenToldInSoManyWords() {
		SecurityProperties anonymous = new SecurityProperties(List.of(), List.of(), List.of(), true, List.of());

		assertThat(AccessPolicy.requiresAuthentication("0.0.0.0", anonymous)).isFalse();
	}

	@Test
	void requiresConfiguredCredentialsEverywhere() {
		SecurityProperties tokens = new SecurityProperties(List.of(), List.of("ab"), List.of(), false, List.of());

		assertThat(AccessPolicy.requiresAuthentication("127.0.0.1", tokens)).isTrue();
		assertThat(AccessPolicy.requiresAuthentication("0.0.0.0", tokens)).isTrue();
	}

}
