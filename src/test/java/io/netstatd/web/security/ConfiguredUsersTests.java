package io.netstatd.web.security;

import java.util.List;

import io.netstatd.support.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP Basic's users: names matched exactly, and an unknown name's password checked at
 * the same bcrypt cost as the users' (a cost-10 check against cost-12 hashes told the
 * names apart: 89 ms against 335 ms).
 */
class ConfiguredUsersTests {

	private static final List<Role> READER = List.of(Role.READER);

	private static final String HASH_12 = new BCryptPasswordEncoder(12).encode("s3cret");

	private final ConfiguredUsers users = new ConfiguredUsers(
			List.of(new SecurityProperties.User("ops", HASH_12, READER),
					new SecurityProperties.User("dev", new BCryptPasswordEncoder(4).encode("other"), READER)));

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
		ConfiguredUsers broken = new ConfiguredUsers(List.of(new SecurityProperties.User("ops", "not-bcrypt", READER)));

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> broken.authenticate(token("ops", "not-bcrypt")));
	}

	/**
	 * A verified credential is remembered: the dashboard polling each second pays bcrypt
	 * once. A wrong password is checked every time, until its address is paused.
	 */
	@Test
	void remembersAVerifiedCredentialAndPausesAnAddressThatKeepsFailing() {
		ConfiguredUsers fast = new ConfiguredUsers(List.of(new SecurityProperties.User("ops",
				new BCryptPasswordEncoder(4).encode("s3cret"), List.of(Role.PRIVILEGED))));
		for (int i = 0; i < 5; i++) {
			assertThat(fast.authenticate(from("127.0.0.1", "ops", "s3cret")).getAuthorities())
				.extracting(Object::toString)
				.containsExactly("ROLE_METRICS", "ROLE_READER", "ROLE_PRIVILEGED");
		}
		assertThat(fast.checksRun()).isEqualTo(1);

		// known name or not, a failure is a failure of its address
		for (String name : new String[] { "ops", "nobody", "ops", "root", "ops" }) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> fast.authenticate(from("127.0.9.1", name, "guess")));
		}
		assertThat(fast.checksRun()).isEqualTo(6);
		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> fast.authenticate(from("127.0.9.1", "ops", "guess")))
			.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isBetween(1L, ConfiguredUsers.PAUSE_SECONDS + 1));
		assertThat(fast.checksRun()).as("the paused address costs no bcrypt").isEqualTo(6);
		// another address is checked; a credential verified before still passes
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> fast.authenticate(from("127.0.9.2", "ops", "guess")));
		assertThat(fast.checksRun()).isEqualTo(7);
		assertThat(fast.authenticate(from("127.0.9.1", "ops", "s3cret")).getName()).isEqualTo("ops");
	}

	private static UsernamePasswordAuthenticationToken from(String address, String name, String password) {
		UsernamePasswordAuthenticationToken token = token(name, password);
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}

	private static UsernamePasswordAuthenticationToken token(String name, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
	}

}
