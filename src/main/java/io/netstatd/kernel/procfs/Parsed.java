package io.netstatd.kernel.procfs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.netstatd.support.report.Skipped;

/**
 * What a parser made of a procfs file: the rows it read, and the lines it left out.
 *
 * @param <T> the rows' type
 * @param rows the rows, in the file's order
 * @param skipped the malformed lines left out
 */
public record Parsed<T>(List<T> rows, Skipped skipped) {

	/**
	 * Nothing: what an optional file that is absent contributes.
	 * @param <T> the rows' type
	 * @return no rows, no skipped line
	 */
	public static <T> Parsed<T> empty() {
		return new Parsed<>(List.of(), Skipped.NONE);
	}

	/**
	 * These rows then {@code other}'s, and both files' skipped lines.
	 * @param other another file's
	 * @return both
	 */
	public Parsed<T> and(Parsed<T> other) {
		if (other.rows.isEmpty() && other.skipped.count() == 0) {
			return this;
		}
		if (this.rows.isEmpty() && this.skipped.count() == 0) {
			return other;
		}
		List<T> rows = new ArrayList<>(this.rows.size() + other.rows.size());
		rows.addAll(this.rows);
		rows.addAll(other.rows);
		return new Parsed<>(rows, this.skipped.and(other.skipped));
	}

	/**
	 * The rows {@code filter} accepts, the skipped lines all kept.
	 * @param filter which rows
	 * @return the rows it accepts
	 */
	public Parsed<T> filter(Predicate<? super T> filter) {
		return new Parsed<>(this.rows.stream().filter(filter).toList(), this.skipped);
	}

}
