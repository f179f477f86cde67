package io.netstatd.live.capture;

/**
 * The transports a capture counts, with their IP protocol numbers.
 */
public enum Transport {

	/** TCP, IP protocol 6. */
	TCP(6),

	/** UDP, IP protocol 17. */
	UDP(17);

	private final int number;

	Transport(int number) {
		this.number = number;
	}

	/** The IP protocol number (IPv4's protocol, IPv6's next header). */
	int number() {
		return this.number;
	}

	/** As tcpdump's expressions spell it. */
	String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String toString() {
		return word();
	}

}
