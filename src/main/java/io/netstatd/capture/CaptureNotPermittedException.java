package io.netstatd.capture;

/**
 * The service may not open a packet socket: it lacks {@code CAP_NET_RAW}. A 503 problem
 * that says so.
 */
public class CaptureNotPermittedException extends RuntimeException {

	CaptureNotPermittedException() {
		super("This service may not capture packets: opening a packet socket needs CAP_NET_RAW, which it does not "
				+ "have (add it to the container's capabilities, see README, Packet capture).", null, false, false);
	}

}
