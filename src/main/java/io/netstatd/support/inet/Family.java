package io.netstatd.support.inet;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An address family, as netstat's {@code -4}/{@code -6} and ss's {@code -f} name it.
 */
public enum Family {

	/** IPv4 ({@code AF_INET}). */
	INET,

	/** IPv6 ({@code AF_INET6}). */
	INET6;

	/**
	 * The name in parameters and bodies: {@code inet}, {@code inet6}.
	 * @return the name
	 */
	@JsonValue
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return label();
	}

}
