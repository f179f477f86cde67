package io.netstatd.kernel.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Function;

import io.netstatd.kernel.procfs.ProcFile;

/**
 * A small configuration file (passwd, services) parsed once and again only when it
 * changes; a missing or unreadable file parses as {@code empty}.
 *
 * @param <T> what the file parses to
 */
public final class ParsedFile<T> {

	private final Path file;

	private final Function<String, T> parser;

	private final T empty;

	private volatile Snapshot<T> snapshot;

	public ParsedFile(Path file, Function<String, T> parser, T empty) {
		this.file = file;
		this.parser = parser;
		this.empty = empty;
		this.snapshot = new Snapshot<>(null, empty);
	}

	/** The file's content as of its last modification. */
	public T get() {
		FileTime modified;
		try {
			modified = Files.getLastModifiedTime(this.file);
		}
		catch (IOException ex) {
			return this.empty;
		}
		Snapshot<T> known = this.snapshot;
		if (!modified.equals(known.modified())) {
			try {
				ProcFile content = ProcFile.readIfPresent(this.file, ProcFile.SMALL_LIMIT);
				known = new Snapshot<>(modified, (content != null) ? this.parser.apply(content.text()) : this.empty);
				this.snapshot = known;
			}
			catch (RuntimeException ex) {
				// unreadable, a FIFO, too large: no names, as for a missing file
				return this.empty;
			}
		}
		return known.value();
	}

	private record Snapshot<T>(FileTime modified, T value) {

	}

}
