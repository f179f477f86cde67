package io.netstatd.kernel.socket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.netstatd.support.inet.Family;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.Items;
import io.netstatd.support.query.ListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The kernel's socket tables {@code protocol} names, netstat's {@code -t -u -w -U -x}:
 * tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6, and unix; any case. Which of them
 * an endpoint reads is its own to say ({@link #within}).
 *
 * @param protocols the inet tables named
 * @param unix whether unix was named
 */
@Schema(type = "string")
public record Tables(Set<Protocol> protocols, boolean unix) implements ListValue {

	/** The word for Unix sockets. */
	public static final String UNIX = "unix";

	/** The TCP tables, which the stats count. */
	public static final Set<Protocol> TCP = Collections.unmodifiableSet(EnumSet.of(Protocol.TCP, Protocol.TCP6));

	public Tables {
		protocols = Collections
			.unmodifiableSet(protocols.isEmpty() ? EnumSet.noneOf(Protocol.class) : EnumSet.copyOf(protocols));
	}

	/**
	 * The tables a parameter gives; Spring converts with it.
	 * @param text the list
	 * @return the tables
	 */
	public static Tables valueOf(String text) {
		Set<String> names = new LinkedHashSet<>(Items.read(text, (name) -> {
			String table = name.toLowerCase(Locale.ROOT);
			return (table.equals(UNIX) || Protocol.fromLabel(table) != null) ? List.of(table) : null;
		}, allowed(EnumSet.allOf(Protocol.class), true)));
		Set<Protocol> protocols = names.stream()
			.map(Protocol::fromLabel)
			.filter((protocol) -> protocol != null)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Protocol.class)));
		return new Tables(protocols, names.contains(UNIX));
	}

	/**
	 * The inet tables an endpoint reads: those named, or its default when none is; a
	 * table it does not read is a 400.
	 * @param tables the bound value, or null when absent
	 * @param readable the tables the endpoint reads
	 * @param absent what it reads when none is named
	 * @param family {@code family}, or null for both
	 * @return the tables
	 */
	public static Set<Protocol> within(Tables tables, Set<Protocol> readable, Set<Protocol> absent, Family family) {
		Set<Protocol> chosen = EnumSet.copyOf(absent);
		if (tables != null && (tables.unix || !tables.protocols.isEmpty())) {
			for (Protocol protocol : tables.protocols) {
				if (!readable.contains(protocol)) {
					throw InvalidParameterException.invalidValue("protocol", protocol.label(),
							allowed(readable, false));
				}
			}
			if (tables.unix) {
				throw InvalidParameterException.invalidValue("protocol", UNIX, allowed(readable, false));
			}
			chosen = EnumSet.copyOf(tables.protocols);
		}
		if (family != null) {
			chosen.removeIf((protocol) -> protocol.ipv6() != (family == Family.INET6));
		}
		return chosen;
	}

	private static String allowed(Set<Protocol> tables, boolean unix) {
		List<String> names = EnumSet.copyOf(tables).stream().map(Protocol::label).collect(Collectors.toList());
		if (unix) {
			names.add(UNIX);
		}
		return "one or more of " + String.join(", ", names) + ", comma-separated";
	}

}
