package io.netstatd.support.text;

import java.io.IOException;
import java.io.Writer;

import io.netstatd.support.report.Skipped;

/**
 * A body that also has text forms, for curl and spreadsheets: {@code text/plain} is what
 * the netstat command or awk recipe it replaces would print, {@code text/csv} one row per
 * item under a header row. Chosen with {@code Accept} or {@code format=table|csv|json};
 * every view of the API has both.
 */
public interface TextView {

	/**
	 * The netstat-style text.
	 * @return the text, lines ended by line feeds
	 */
	String plain();

	/**
	 * The rows for CSV, the header first.
	 * @return the table
	 */
	TextTable csv();

	/**
	 * Writes {@link #plain()} to {@code out}; views of many rows write them as they go.
	 * @param out where the text goes
	 * @throws IOException when the client cannot take it
	 */
	default void writePlain(Writer out) throws IOException {
		out.write(plain());
	}

	/**
	 * Writes {@link #csv()} to {@code out}.
	 * @param out where the text goes
	 * @throws IOException when the client cannot take it
	 */
	default void writeCsv(Writer out) throws IOException {
		csv().writeCsv(out);
	}

	/**
	 * Whether {@link #writeCsv} writes rows as it reads them, so that its skipped lines
	 * are not known before its body: a view says so only when it can skip none.
	 * @return whether the CSV is written as it is read
	 */
	default boolean csvWrittenAsRead() {
		return false;
	}

	/**
	 * Whether the answer holds everything it counts (a view of kernel notices may miss
	 * some): text has no room to say so, so a header does when it does not.
	 * @return false when something may be missing
	 */
	default boolean complete() {
		return true;
	}

	/**
	 * The procfs lines left out: text has no room for them, so a header reports them.
	 * @return the skipped lines
	 */
	Skipped skipped();

}
