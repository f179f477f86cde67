package io.netstatd.live.capture;

/**
 * Which way the packets counted go, relative to the port.
 */
public enum Direction {

	/** Packets to the port ({@code dst port}): their sources are counted. */
	DST,

	/** Packets from the port ({@code src port}): their destinations are counted. */
	SRC;

	/**
	 * Where the port is in a TCP or UDP header: the destination port at 2, the source at
	 * 0.
	 */
	int portOffset() {
		return (this == DST) ? 2 : 0;
	}

	/** As tcpdump's expressions spell it. */
	String word() {
		return (this == DST) ? "dst" : "src";
	}

	@Override
	public String toString() {
		return word();
	}

}
