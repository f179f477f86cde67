package io.netstatd.kernel.process;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.netstatd.kernel.files.ParsedFile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * User names for uids, as {@code netstat -e} shows them, from a passwd file: the host's
 * {@code /etc/passwd}, or in a container the host's file mounted in
 * ({@code netstatd.passwd-file}). Read again only when the file changes.
 */
@Component
public class UserNames {

	private final ParsedFile<Map<Long, String>> passwd;

	public UserNames(Properties properties) {
		this.passwd = new ParsedFile<>(properties.passwdFile(), UserNames::parse, Map.of());
	}

	/**
	 * Every uid's name, as the file is now: one look at the file for a whole list, rather
	 * than one per row.
	 */
	public Map<Long, String> names() {
		return this.passwd.get();
	}

	/**
	 * Parses passwd lines ({@code name:password:uid:gid:...}); the first name of a uid
	 * wins, as getpwuid answers; comments and malformed lines are skipped.
	 */
	static Map<Long, String> parse(String passwd) {
		Map<Long, String> names = new HashMap<>();
		for (String line : passwd.split("\n")) {
			String[] fields = line.split(":", -1);
			if (fields.length < 4 || fields[0].isEmpty() || fields[0].startsWith("#")) {
				continue;
			}
			try {
				names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
			}
			catch (NumberFormatException ex) {
				// not a passwd entry
			}
		}
		return names;
	}

	/**
	 * Where user names come from.
	 *
	 * @param passwdFile {@code netstatd.passwd-file}
	 */
	@ConfigurationProperties("netstatd")
	public record Properties(@DefaultValue("/etc/passwd") Path passwdFile) {

	}

}
