package io.netstatd.kernel.names;

import java.util.HashMap;
import java.util.Map;

import io.netstatd.kernel.files.ParsedFile;
import io.netstatd.kernel.socket.Protocol;

import org.springframework.stereotype.Component;

/**
 * Service names for ports, as netstat without {@code -n} shows them, from a services file
 * ({@code netstatd.names.services-file}, {@code /etc/services} by default).
 */
@Component
public class ServiceNames {

	private final ParsedFile<Map<String, String>> services;

	public ServiceNames(NamesProperties properties) {
		this.services = new ParsedFile<>(properties.servicesFile(), ServiceNames::parse, Map.of());
	}

	/** The services file as it is now: one look at the file for a whole list. */
	public Snapshot current() {
		return new Snapshot(this.services.get());
	}

	/**
	 * {@code name port/protocol [aliases] [# comment]}: the first name of a port wins.
	 */
	static Map<String, String> parse(String text) {
		Map<String, String> names = new HashMap<>();
		for (String line : text.split("\n")) {
			int comment = line.indexOf('#');
			String[] fields = ((comment >= 0) ? line.substring(0, comment) : line).trim().split("\\s+");
			if (fields.length >= 2 && fields[1].matches("[0-9]{1,5}/[a-z]+")) {
				names.putIfAbsent(fields[1], fields[0]);
			}
		}
		return names;
	}

	/**
	 * The services file at one moment.
	 *
	 * @param byPort names by {@code port/transport}
	 */
	public record Snapshot(Map<String, String> byPort) {

		/**
		 * The name of {@code port} for the protocol's transport, or null; none for port
		 * 0.
		 */
		public String name(int port, Protocol protocol) {
			return (port == 0) ? null : this.byPort.get(port + "/" + (protocol.tcp() ? "tcp" : "udp"));
		}

	}

}
