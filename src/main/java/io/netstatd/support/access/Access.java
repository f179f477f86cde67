package io.netstatd.support.access;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the request being answered may ask what its typed query asks, from its
 * credential's roles. Where no credential is required (loopback, none configured) the
 * request is anonymous and may ask everything: had credentials been required, an
 * anonymous request would not have reached a controller.
 */
public final class Access {

	private Access() {
	}

	/**
	 * Refuses the request unless its credential has {@code role}.
	 * @param role the role needed
	 * @param what what the request asked that needs it, for the problem
	 * @throws RoleRequiredException when it has not
	 */
	public static void require(Role role, String what) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || caller instanceof AnonymousAuthenticationToken) {
			return;
		}
		for (GrantedAuthority authority : caller.getAuthorities()) {
			if (role.authority().equals(authority.getAuthority())) {
				return;
			}
		}
		throw new RoleRequiredException(role, what);
	}

}
