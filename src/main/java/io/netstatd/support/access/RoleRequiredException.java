package io.netstatd.support.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request beyond its credential's role: a 403 problem naming the role it needs (Spring
 * MVC writes an {@link ErrorResponseException}'s problem as it is).
 */
public class RoleRequiredException extends ErrorResponseException {

	private final Role role;

	/**
	 * The refusal.
	 * @param role the role the request needs
	 * @param what what the request asked that needs it
	 */
	public RoleRequiredException(Role role, String what) {
		super(HttpStatus.FORBIDDEN, problem(role, what), null);
		this.role = role;
	}

	/** The role the request needs. */
	public Role role() {
		return this.role;
	}

	/**
	 * The problem: {@code 403}, the role by name in {@code role}.
	 * @param role the role the request needs
	 * @param what what the request asked that needs it
	 * @return the problem
	 */
	public static ProblemDetail problem(Role role, String what) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				what + " needs the role '" + role.word() + "', which these credentials do not have "
						+ "(netstatd.security.users[].roles, netstatd.security.tokens[].roles).");
		problem.setTitle("Forbidden");
		problem.setProperty("role", role.word());
		return problem;
	}

}
