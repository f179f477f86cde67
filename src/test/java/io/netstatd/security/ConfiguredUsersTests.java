package io.netstatd.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP Basic's users: names matched exactly, and an unknown name's password checked at
 * the same bcrypt cost as the users' (a cost-10 check against cost-12 hashes told the
 * names apart: 89 ms against 335 ms).
 */
class ConfiguredUsersTests {

	private static final String HASH_12 = new BCryptPasswordEncoder(12).encode("s3cret");

	private final ConfiguredUsers users = new ConfiguredUsers(List.of(new SecurityProperties.User("ops", HASH_12),
			new SecurityProperties.User("dev", new BCryptPasswordEncoder(4).encode("other"))));

	@Test
	void checksAnUnknownNameAtTheUsersHighestCost() {
		assertThat(ConfiguredUsers.cost(HASH_12)).isEqualTo(12);
		assertThat(ConfiguredUsers.cost(this.users.decoy())).isEqualTo(12);
		assertThat(ConfiguredUsers.cost(new ConfiguredUsers(List.of()).decoy())).isEqualTo(10);
	}

	@Test
	void acceptsTheRightPasswordOfTheExactName() {
		assertThat(this.users.authenticate(token("ops", "s3cret")).getName()).isEqualTo("ops");
		for (String[] wrong : new String[][] { { "OPS", "s3cret" }, { "ops", "S3cret" }, { "nobody", "s3cret" },
				{ "dev", "s3cret" }, { "", "" } }) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> this.users.authenticate(token(wrong[0], wrong[1])));
		}
	}

	@Test
	void refusesAHashItCannotRead() {
		ConfiguredUsers broken = new ConfiguredUsers(List.of(new SecurityProperties.User("ops", "not-bcrypt")));

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> broken.authenticate(token("ops", "not-bcrypt")));
	}

	private static UsernamePasswordAuthenticationToken token(String name, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
	}

}
