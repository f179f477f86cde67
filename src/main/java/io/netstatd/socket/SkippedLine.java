package io.netstatd.socket;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A line of a procfs file that could not be parsed, and why; it was left out of the
 * answer.
 *
 * @param file the file's path, e.g. {@code /proc/net/tcp}
 * @param lineNumber the 1-based line number
 * @param reason what was wrong with it
 * @param text the line, cut at 200 characters
 */
@Schema(requiredProperties = { "file", "lineNumber", "reason", "text" })
public record SkippedLine(String file, int lineNumber, String reason, String text) {

}
