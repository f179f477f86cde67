package io.netstatd.kernel.procfs;

import java.util.ArrayList;
import java.util.List;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;

/**
 * The lines of a procfs file read whole: the one line walk every parser uses. A line is a
 * run up to {@code '\n'}; the last one may end without it, as a file cut mid-line does.
 */
public final class ProcLines {

	/**
	 * The longest line the small files' parsers read: the kernel's longest
	 * ({@code TcpExt:} names) is a few KiB. A longer one is left out and reported.
	 */
	public static final int MAX_LINE = 64 << 10;

	private ProcLines() {
	}

	/**
	 * Visits every line of the first {@code length} bytes of {@code data}, numbered from
	 * 1.
	 * @param data the bytes
	 * @param length how many of them to walk
	 * @param visitor what to do with each line
	 */
	public static void forEach(byte[] data, int length, Visitor visitor) {
		int lineNumber = 0;
		int start = 0;
		while (start < length) {
			int end = start;
			while (end < length && data[end] != '\n') {
				end++;
			}
			visitor.line(++lineNumber, start, end);
			start = end + 1;
		}
	}

	/**
	 * Parses every line of {@code file} that is not blank with {@code parser}; a line it
	 * finds malformed is left out and reported, never thrown.
	 * @param <T> what the lines parse to
	 * @param file the file
	 * @param badNumber the reason reported for a line whose number is not one
	 * @param parser what one line holds
	 * @return the rows and the lines left out
	 */
	public static <T> Parsed<T> parse(ProcFile file, String badNumber, LineParser<T> parser) {
		List<T> rows = new ArrayList<>();
		Skipped.Builder skipped = new Skipped.Builder();
		forEach(file.data(), file.length(), (lineNumber, start, end) -> {
			if (end - start > MAX_LINE) {
				// no kernel prints such a line: not split into millions of words
				skipped.add(file.name(), lineNumber, "longer than " + MAX_LINE + " bytes",
						() -> file.text(start, start + SkippedLine.MAX_TEXT));
				return;
			}
			String line = file.text(start, end);
			if (line.isBlank()) {
				return;
			}
			try {
				T row = parser.parse(lineNumber, line);
				if (row != null) {
					rows.add(row);
				}
			}
			catch (MalformedLineException ex) {
				skipped.add(file.name(), lineNumber, ex.getMessage(), () -> line);
			}
			catch (NumberFormatException ex) {
				skipped.add(file.name(), lineNumber, badNumber, () -> line);
			}
		});
		return new Parsed<>(rows, skipped.build());
	}

	/** The words of a line: runs of characters between spaces and tabs. */
	public static String[] words(String line) {
		String stripped = line.strip();
		return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
	}

	/** What to do with one line, given as {@code [start, end)} of the data. */
	@FunctionalInterface
	public interface Visitor {

		/**
		 * One line.
		 * @param lineNumber the line's number, from 1
		 * @param start where it starts in the data
		 * @param end where it ends, its line feed excluded
		 */
		void line(int lineNumber, int start, int end);

	}

	/**
	 * What one line of a small text file holds.
	 *
	 * @param <T> what the lines parse to
	 */
	@FunctionalInterface
	public interface LineParser<T> {

		/**
		 * Parses one line that is not blank.
		 * @param lineNumber the line's number, from 1
		 * @param line the line, without its line feed
		 * @return what it holds, or {@code null} for a line that holds nothing itself (a
		 * header, the first of a pair)
		 * @throws MalformedLineException when it does not have the kernel's shape
		 * @throws NumberFormatException when a number in it is not one
		 */
		T parse(int lineNumber, String line);

	}

}
