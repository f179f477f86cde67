package io.netstatd.live.capture;

/**
 * The link-layer header a program is compiled for, as libpcap names it ({@code -y}).
 */
public enum LinkType {

	/** Ethernet (and Linux's loopback): 14 bytes, the ethertype at 12. */
	EN10MB(14, 12),

	/** Linux's cooked header ({@code -i any}): 16 bytes, the protocol at 14. */
	LINUX_SLL(16, 14);

	private final int headerLength;

	private final int typeOffset;

	LinkType(int headerLength, int typeOffset) {
		this.headerLength = headerLength;
		this.typeOffset = typeOffset;
	}

	/** Where the network header starts. */
	int headerLength() {
		return this.headerLength;
	}

	/** Where the ethertype is. */
	int typeOffset() {
		return this.typeOffset;
	}

}
