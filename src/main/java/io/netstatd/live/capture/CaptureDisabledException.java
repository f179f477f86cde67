package io.netstatd.live.capture;

import io.netstatd.support.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Capture is off ({@code netstatd.capture.enabled} is not true): a 404 problem naming the
 * property.
 */
public class CaptureDisabledException extends Refusal {

	CaptureDisabledException() {
		super(HttpStatus.NOT_FOUND, "Capture is off",
				"Packet capture is off on this service: set netstatd.capture.enabled=true (it also needs "
						+ "CAP_NET_RAW) to turn /capture/top-sources on.");
		property("property", "netstatd.capture.enabled");
	}

}
