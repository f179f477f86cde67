package io.netstatd.support.access;

import java.util.List;
import java.util.Locale;

/**
 * What a credential may ask, each role granting the ones below it: a Prometheus scrape
 * token needs {@link #METRICS} only, a dashboard {@link #READER}, a person at an incident
 * {@link #PRIVILEGED}.
 */
public enum Role {

	/** {@code /actuator/prometheus}, {@code /actuator/info} and health: the scrape. */
	METRICS,

	/**
	 * Every view (sockets, owners of this namespace, statistics, streams, the contract).
	 */
	READER,

	/**
	 * What reaches further: packet captures, owners' command lines (where
	 * {@code netstatd.processes.command-lines} is on), and owners in other network
	 * namespaces.
	 */
	PRIVILEGED;

	/** The Spring Security authority, {@code ROLE_READER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** As configured and as problems name it: {@code reader}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** This role and every role it grants. */
	public List<Role> granted() {
		return List.of(values()).subList(0, ordinal() + 1);
	}

}
