package io.netstatd.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

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

	private final Path file;

	private volatile Snapshot snapshot = new Snapshot(null, Map.of());

	public UserNames(Properties properties) {
		this.file = properties.passwdFile();
	}

	/**
	 * The name of {@code uid}, or {@code null} when the file has none (or is missing).
	 */
	public String name(long uid) {
		return current().names().get(uid);
	}

	private Snapshot current() {
		FileTime modified;
		try {
			modified = Files.getLastModifiedTime(this.file);
		}
		catch (IOException ex) {
			return new Snapshot(null, Map.of());
		}
		Snapshot known = this.snapshot;
		if (!modified.equals(known.modified())) {
			try {
				known = new Snapshot(modified, parse(Files.readString(this.file, StandardCharsets.UTF_8)));
				this.snapshot = known;
			}
			catch (IOException ex) {
				return new Snapshot(null, Map.of());
			}
		}
		return known;
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

	private record Snapshot(FileTime modified, Map<Long, String> names) {

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
