package io.netstatd.masquerade;

import java.nio.file.Path;

/**
 * The kernel tracks no connections ({@code nf_conntrack} is not loaded), so there is no
 * NAT to show: a 404 problem that says so, rather than an empty list that would read as
 * "no NAT".
 */
public class NoConntrackException extends RuntimeException {

	NoConntrackException(Path file) {
		super("This kernel tracks no connections: " + file
				+ " does not exist (the nf_conntrack module is not loaded), so there is no NAT to show.", null, false,
				false);
	}

}
