package io.netstatd.support.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The procfs lines left out of an answer because they were malformed: how many, and the
 * first hundred of them. Empty in a healthy answer; never left out silently. However many
 * lines a file spoils, only the first hundred are kept.
 *
 * @param count how many lines were skipped
 * @param lines the first of them
 * @param byFile how many each file skipped, for the metrics
 */
@Schema(requiredProperties = { "count", "lines" })
public record Skipped(int count, List<SkippedLine> lines, @JsonIgnore Map<String, Integer> byFile) {

	/** The most lines an answer lists. */
	public static final int MAX_LISTED = 100;

	/** No line skipped. */
	public static final Skipped NONE = new Skipped(0, List.of(), Map.of());

	public Skipped {
		lines = List.copyOf(lines);
		byFile = Collections.unmodifiableMap(new TreeMap<>(byFile));
	}

	/**
	 * These lines, a list of them small enough to list whole.
	 * @param lines the lines
	 * @return the report
	 */
	public static Skipped of(List<SkippedLine> lines) {
		Builder builder = new Builder();
		lines.forEach(builder::add);
		return builder.build();
	}

	/**
	 * These skipped lines and {@code other}'s: counts added, the first hundred kept.
	 * @param other another read's report
	 * @return both
	 */
	public Skipped and(Skipped other) {
		if (other.count == 0) {
			return this;
		}
		if (this.count == 0) {
			return other;
		}
		List<SkippedLine> both = new ArrayList<>(this.lines);
		both.addAll(other.lines.subList(0, Math.min(other.lines.size(), Math.max(0, MAX_LISTED - both.size()))));
		Map<String, Integer> files = new TreeMap<>(this.byFile);
		other.byFile.forEach((file, n) -> files.merge(file, n, Integer::sum));
		return new Skipped(this.count + other.count, both, files);
	}

	/**
	 * Gathers a read's skipped lines, keeping the first hundred and counting the rest.
	 */
	public static final class Builder {

		private final List<SkippedLine> lines = new ArrayList<>(0);

		private final Map<String, Integer> byFile = new TreeMap<>();

		private int count;

		/**
		 * A line left out.
		 * @param line the line, its text already cut
		 */
		public void add(SkippedLine line) {
			this.count++;
			this.byFile.merge(line.file(), 1, Integer::sum);
			if (this.lines.size() < MAX_LISTED) {
				this.lines.add(line);
			}
		}

		/**
		 * A line left out, its text taken only when it is listed.
		 * @param file the file
		 * @param lineNumber its number, from 1
		 * @param reason why
		 * @param text the line, asked for only while fewer than a hundred are listed
		 */
		public void add(String file, int lineNumber, String reason, java.util.function.Supplier<String> text) {
			if (this.lines.size() < MAX_LISTED) {
				add(SkippedLine.of(file, lineNumber, reason, text.get()));
				return;
			}
			this.count++;
			this.byFile.merge(file, 1, Integer::sum);
		}

		/**
		 * The report.
		 * @return what was skipped
		 */
		public Skipped build() {
			return (this.count == 0) ? NONE : new Skipped(this.count, this.lines, this.byFile);
		}

	}

}
