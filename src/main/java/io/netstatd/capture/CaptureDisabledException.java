package io.netstatd.capture;

/**
 * Capture is off ({@code netstatd.capture.enabled} is not true): a 404 problem naming the
 * property.
 */
public class CaptureDisabledException extends RuntimeException {

	CaptureDisabledException() {
		super("Packet capture is off on this service: set netstatd.capture.enabled=true (it also needs "
				+ "CAP_NET_RAW) to turn /capture/top-sources on.", null, false, false);
	}

}
