package io.netstatd.procfs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The procfs lines left out of an answer because they were malformed: how many, and the
 * first {@value #MAX_LISTED} of them. Empty in a healthy answer; never left out silently.
 *
 * @param count how many lines were skipped
 * @param lines the first of them
 */
@Schema(requiredProperties = { "count", "lines" })
public record Skipped(int count, List<SkippedLine> lines) {

	public static final int MAX_LISTED = 100;

	public static Skipped of(List<SkippedLine> lines) {
		return new Skipped(lines.size(), List.copyOf(lines.subList(0, Math.min(lines.size(), MAX_LISTED))));
	}

}
