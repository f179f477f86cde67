package io.netstatd.live.capture;

import io.netstatd.support.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * The service may not open a packet socket: it lacks {@code CAP_NET_RAW}. A 503 problem
 * that says so.
 */
public class CaptureNotPermittedException extends Refusal {

	CaptureNotPermittedException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Not permitted to capture",
				"This service may not capture packets: opening a packet socket needs CAP_NET_RAW, which it does not "
						+ "have (add it to the container's capabilities, see docs/security.md, Capabilities).");
		property("capability", "CAP_NET_RAW");
	}

}
