package io.netstatd.web;

import io.netstatd.socket.Skipped;

/**
 * A body that also has text forms, for curl and spreadsheets: {@code text/plain} is what
 * the netstat command or awk recipe it replaces would print, {@code text/csv} one row per
 * item under a header row. Chosen with {@code Accept} or {@code format=table|csv|json}.
 */
public interface TextBody {

	/** The netstat-style text. */
	String plain();

	/** The rows for CSV, the header first. */
	Table csv();

	/** The procfs lines left out: text has no room for them, so a header reports them. */
	Skipped skipped();

}
