package io.netstatd.socket;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A socket table, named as netstat names it in its {@code Proto} column.
 */
public enum Protocol {

	TCP("tcp", "net/tcp", false), TCP6("tcp6", "net/tcp6", true), UDP("udp", "net/udp", false),
	UDP6("udp6", "net/udp6", true);

	private final String label;

	private final String procFile;

	private final boolean ipv6;

	Protocol(String label, String procFile, boolean ipv6) {
		this.label = label;
		this.procFile = procFile;
		this.ipv6 = ipv6;
	}

	/** The netstat name: {@code tcp}, {@code tcp6}, {@code udp}, {@code udp6}. */
	@JsonValue
	public String label() {
		return this.label;
	}

	@Override
	public String toString() {
		return this.label;
	}

	/** The file below the procfs root that lists this table. */
	public String procFile() {
		return this.procFile;
	}

	public boolean ipv6() {
		return this.ipv6;
	}

	public boolean tcp() {
		return this == TCP || this == TCP6;
	}

	/** The protocol named {@code label}, case-insensitive; {@code null} when none is. */
	public static Protocol fromLabel(String label) {
		String wanted = label.toLowerCase(Locale.ROOT);
		for (Protocol protocol : values()) {
			if (protocol.label.equals(wanted)) {
				return protocol;
			}
		}
		return null;
	}

}
