package io.netstatd.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.netstatd.support.access.Role;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic against the configured users. A name is matched exactly, as written
 * ({@code OPS} is not {@code ops}). A password is checked against the user's bcrypt hash,
 * and against a hash of the same cost when no user has that name, so that the time an
 * answer takes does not tell a known name from an unknown one, whatever cost the hashes
 * were made with.
 * <p>
 * bcrypt is made to be slow (80 ms at cost 10 on these cores), so that a flood of wrong
 * passwords costs its senders, not the node:
 * <ul>
 * <li>a credential verified is remembered for {@link #REMEMBER_NANOS}, by an HMAC of what
 * was sent under a key made at start (never the secret itself): a dashboard polling each
 * second pays bcrypt once a minute, not every request;</li>
 * <li>at most {@link #CONCURRENT_CHECKS} bcrypt checks run at once, the others wait their
 * turn (up to {@link #CHECK_WAIT_MILLIS}, then a 503), so that a flood takes two cores at
 * most;</li>
 * <li>an address that failed {@link #FAILURES_ALLOWED} times in {@link #PAUSE_SECONDS} is
 * refused at once (429, no bcrypt) until its pause ends: the refusal depends on the
 * address, never on the name sent.</li>
 * </ul>
 */
final class ConfiguredUsers implements AuthenticationProvider {

	static final long REMEMBER_NANOS = TimeUnit.SECONDS.toNanos(60);

	static final int CONCURRENT_CHECKS = 2;

	static final long CHECK_WAIT_MILLIS = 10_000;

	static final int FAILURES_ALLOWED = 5;

	static final long PAUSE_SECONDS = 30;

	/** Remembered credentials and failing addresses: each map starts over past this. */
	static final int MAX_ENTRIES = 10_000;

	private final Map<String, User> users;

	/** The users' highest cost: what an unknown name's password is checked at. */
	private final int cost;

	/** What an unknown name's password is checked against, made on first need. */
	private volatile String decoy;

	private final SecretKeySpec key;

	/** HMAC of a verified name and password, and until when it is trusted. */
	private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);

	/** bcrypt checks run: what remembering and pausing spare shows here. */
	private final java.util.concurrent.atomic.LongAdder checksRun = new java.util.concurrent.atomic.LongAdder();

	ConfiguredUsers(List<SecurityProperties.User> users) {
		this.users = users.stream()
			.collect(Collectors.toUnmodifiableMap(SecurityProperties.User::name,
					(user) -> new User(user.passwordHash(), roles(user.roles())), (first, second) -> first));
		this.cost = users.stream().mapToInt((user) -> cost(user.passwordHash())).max().orElse(10);
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		String sent = hmac(name, password);
		long now = System.nanoTime();
		Remembered remembered = this.verified.get(sent);
		if (remembered != null && now - remembered.until() < 0) {
			return authenticated(name, remembered.authorities());
		}
		pausedUntil(address, now);
		User user = this.users.get(name);
		boolean matches = checked(password, (user != null) ? user.hash() : null);
		if (user == null || !matches) {
			failed(address, now);
			throw new BadCredentialsException("Bad credentials");
		}
		if (this.verified.size() >= MAX_ENTRIES) {
			this.verified.clear();
		}
		this.verified.put(sent, new Remembered(user.authorities(), now + REMEMBER_NANOS));
		return authenticated(name, user.authorities());
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

	/** The authorities of configured roles: each role and those it grants. */
	static List<String> roles(List<Role> roles) {
		return roles.stream().flatMap((role) -> role.granted().stream()).distinct().map(Role::authority).toList();
	}

	private static Authentication authenticated(String name, List<String> authorities) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList(authorities));
	}

	/** Refuses at once an address still in its pause. */
	private void pausedUntil(String address, long now) {
		Failures failed = (address != null) ? this.failures.get(address) : null;
		if (failed != null && failed.count() >= FAILURES_ALLOWED
				&& now - failed.since() < TimeUnit.SECONDS.toNanos(PAUSE_SECONDS)) {
			long left = TimeUnit.SECONDS.toNanos(PAUSE_SECONDS) - (now - failed.since());
			throw new LoginThrottledException(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left) + 1));
		}
	}

	private void failed(String address, long now) {
		if (address == null) {
			return;
		}
		if (this.failures.size() >= MAX_ENTRIES) {
			this.failures.clear();
		}
		this.failures.merge(address, new Failures(1, now),
				(old, one) -> (now - old.since() < TimeUnit.SECONDS.toNanos(PAUSE_SECONDS))
						? new Failures(old.count() + 1, old.since()) : one);
	}

	/**
	 * bcrypt's check, one of at most {@link #CONCURRENT_CHECKS}; a hash it cannot read,
	 * or none (an unknown name), checks the decoy and matches nothing.
	 */
	private boolean checked(String password, String hash) {
		try {
			if (!this.checks.tryAcquire(CHECK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
				throw new AuthenticationServiceException("Too many logins are being checked");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuthenticationServiceException("Interrupted", ex);
		}
		this.checksRun.increment();
		try {
			if (hash == null) {
				BCrypt.checkpw(password, decoy());
				return false;
			}
			return BCrypt.checkpw(password, hash);
		}
		catch (IllegalArgumentException ex) {
			BCrypt.checkpw(password, decoy());
			return false;
		}
		finally {
			this.checks.release();
		}
	}

	private String hmac(String name, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(name.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** How many bcrypt checks have run. */
	long checksRun() {
		return this.checksRun.sum();
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

	/** A user's hash and authorities. */
	private record User(String hash, List<String> authorities) {

	}

	/** A verified credential's authorities, trusted until {@code until}. */
	private record Remembered(List<String> authorities, long until) {

	}

	/** How many logins an address failed since the first of its window. */
	private record Failures(int count, long since) {

	}

}
