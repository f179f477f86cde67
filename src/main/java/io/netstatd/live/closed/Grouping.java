package io.netstatd.live.closed;

import java.util.Locale;

/**
 * What {@code /stats/closed} groups connections by ({@code by}).
 */
enum Grouping {

	/** The peer's address, as {@code /stats/top-ips} counts. */
	REMOTE,

	/** The local port: which service was connected to. */
	LOCALPORT,

	/** The peer's port. */
	REMOTEPORT;

	/** The key of one connection. */
	String key(ClosedConnection c) {
		return switch (this) {
			case REMOTE -> c.remoteAddress().toString();
			case LOCALPORT -> Integer.toString(c.localPort());
			case REMOTEPORT -> Integer.toString(c.remotePort());
		};
	}

	@Override
	public String toString() {
		return switch (this) {
			case REMOTE -> "remote";
			case LOCALPORT -> "localPort";
			case REMOTEPORT -> "remotePort";
		};
	}

	static Grouping of(String name) {
		for (Grouping grouping : values()) {
			if (grouping.toString().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return grouping;
			}
		}
		return null;
	}

}
