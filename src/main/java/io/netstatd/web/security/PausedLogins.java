package io.netstatd.web.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.web.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.TaskScheduler;

/**
 * The answer to an address paused for failed logins, held {@link #HOLD} before it is
 * sent: a flooder that waits for each answer then sends one guess a second per connection
 * instead of thousands, and costs the node no thread meanwhile (the request waits in
 * servlet async mode; one scheduler thread answers). At most {@link #MAX_HELD} are held
 * at once; past that they are answered at once.
 */
final class PausedLogins {

	static final Duration HOLD = Duration.ofSeconds(1);

	static final int MAX_HELD = 256;

	private final TaskScheduler scheduler;

	private final AtomicInteger held = new AtomicInteger();

	/**
	 * Holds answers on {@code scheduler}.
	 * @param scheduler the {@code logins} pool, or null to answer at once
	 */
	PausedLogins(TaskScheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Answers a paused address: 429, {@code Retry-After}, after {@link #HOLD}.
	 * @param request the request
	 * @param response its response
	 * @param retryAfterSeconds when its pause ends
	 * @throws IOException when the client is gone
	 */
	void answer(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
		// no WWW-Authenticate: trying again now would be refused the same
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
				"This address failed to log in " + ConfiguredUsers.FAILURES_ALLOWED + " times in "
						+ ConfiguredUsers.PAUSE_SECONDS + " s: its logins are refused unchecked until Retry-After "
						+ "has passed.",
				null);
		boolean holdable = this.scheduler != null && request.isAsyncSupported();
		if (!holdable || this.held.incrementAndGet() > MAX_HELD) {
			if (holdable) {
				this.held.decrementAndGet();
			}
			Problems.write(response, problem);
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(HOLD.toMillis() + 10_000);
		this.scheduler.schedule(() -> {
			try {
				Problems.write((HttpServletResponse) async.getResponse(), problem);
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone: nothing to answer
			}
			finally {
				async.complete();
				this.held.decrementAndGet();
			}
		}, Instant.now().plus(HOLD));
	}

	/** How many answers are held now. */
	int held() {
		return this.held.get();
	}

}
