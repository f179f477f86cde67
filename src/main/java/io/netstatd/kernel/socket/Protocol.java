package io.netstatd.kernel.socket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A socket table, named as netstat names it in its {@code Proto} column. The raw and
 * UDP-Lite tables ({@code netstat -w}, {@code -U}) share the layout of the UDP ones; in a
 * raw row the local "port" is the IP protocol number.
 */
public enum Protocol {

	TCP("tcp", "net/tcp", false), TCP6("tcp6", "net/tcp6", true), UDP("udp", "net/udp", false),
	UDP6("udp6", "net/udp6", true), UDPLITE("udplite", "net/udplite", false),
	UDPLITE6("udplite6", "net/udplite6", true), RAW("raw", "net/raw", false), RAW6("raw6", "net/raw6", true);

	/**
	 * What {@code netstat -antu} lists, and so what the socket endpoints read by default.
	 */
	public static final Set<Protocol> TCP_AND_UDP = Collections.unmodifiableSet(EnumSet.of(TCP, TCP6, UDP, UDP6));

	private final String label;

	private final String procFile;

	private final boolean ipv6;

	Protocol(String label, String procFile, boolean ipv6) {
		this.label = label;
		this.procFile = procFile;
		this.ipv6 = ipv6;
	}

	/** The netstat name: {@code tcp}, {@code tcp6}, {@code udp}, {@code raw6}, ... */
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

	/**
	 * Whether a host may lack this table: IPv6 turned off, or the raw or UDP-Lite module
	 * not loaded. tcp and udp are always there where procfs is.
	 */
	public boolean optional() {
		return this != TCP && this != UDP;
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
