package io.netstatd.views.masquerade;

import java.nio.file.Path;

import io.netstatd.support.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * The kernel tracks no connections ({@code nf_conntrack} is not loaded), so there is no
 * NAT to show: a 404 problem that says so, rather than an empty list that would read as
 * "no NAT".
 */
public class NoConntrackException extends Refusal {

	NoConntrackException(Path file) {
		super(HttpStatus.NOT_FOUND, "Not available on this host", "This kernel tracks no connections: " + file
				+ " does not exist (the nf_conntrack module is not loaded), so there is no NAT to show.");
	}

}
