package io.netstatd.support.report;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A line of a procfs file that could not be parsed, and why; it was left out of the
 * answer.
 *
 * @param file the file's path, e.g. {@code /proc/net/tcp}
 * @param lineNumber the 1-based line number (0 where a line was left out after the whole
 * file was read)
 * @param reason what was wrong with it
 * @param text the line, cut at 200 characters
 */
@Schema(requiredProperties = { "file", "lineNumber", "reason", "text" })
public record SkippedLine(String file, int lineNumber, String reason, String text) {

	/** How much of a line a report repeats. */
	public static final int MAX_TEXT = 200;

	/** A line left out, its text stripped and cut at 200 characters. */
	public static SkippedLine of(String file, int lineNumber, String reason, String line) {
		String text = line.strip();
		return new SkippedLine(file, lineNumber, reason,
				(text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text);
	}

}
