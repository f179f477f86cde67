package io.netstatd.procfs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a parser made of a procfs file: the rows it read, and the lines it left out.
 *
 * @param <T> the rows' type
 * @param rows the rows, in the file's order
 * @param skipped the malformed lines left out
 */
public record Parsed<T>(List<T> rows, List<SkippedLine> skipped) {

	/** Nothing: what an optional file that is absent contributes. */
	public static <T> Parsed<T> empty() {
		return new Parsed<>(List.of(), List.of());
	}

	/** These rows then {@code other}'s, and both files' skipped lines. */
	public Parsed<T> and(Parsed<T> other) {
		if (other.rows.isEmpty() && other.skipped.isEmpty()) {
			return this;
		}
		List<T> rows = new ArrayList<>(this.rows.size() + other.rows.size());
		rows.addAll(this.rows);
		rows.addAll(other.rows);
		List<SkippedLine> skipped = new ArrayList<>(this.skipped);
		skipped.addAll(other.skipped);
		return new Parsed<>(rows, skipped);
	}

	/** The rows {@code filter} accepts, the skipped lines all kept. */
	public Parsed<T> filter(Predicate<? super T> filter) {
		return new Parsed<>(this.rows.stream().filter(filter).toList(), this.skipped);
	}

}
