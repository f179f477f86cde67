package io.netstatd.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells under a header: printed aligned as netstat prints its tables, or as
 * RFC 4180 CSV.
 */
public final class TextTable {

	private final List<String[]> rows = new ArrayList<>();

	private final int columns;

	public TextTable(String... header) {
		this.columns = header.length;
		this.rows.add(header);
	}

	/** Adds a row of as many cells as the header has. */
	public TextTable add(Object... cells) {
		if (cells.length != this.columns) {
			throw new IllegalArgumentException("expected " + this.columns + " cells, got " + cells.length);
		}
		String[] row = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			row[i] = (cells[i] != null) ? cells[i].toString() : "";
		}
		this.rows.add(row);
		return this;
	}

	/**
	 * Left-aligned columns, one space apart at least, no trailing spaces, as netstat -W.
	 */
	public String aligned() {
		int[] widths = new int[this.columns];
		for (String[] row : this.rows) {
			for (int i = 0; i < this.columns; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < this.columns; i++) {
				line.append(row[i]);
				if (i < this.columns - 1) {
					line.append(" ".repeat(widths[i] - row[i].length() + 1));
				}
			}
			text.append(line.toString().stripTrailing()).append('\n');
		}
		return text.toString();
	}

	/**
	 * RFC 4180: CRLF line ends, cells quoted when they hold a comma, quote or line break.
	 */
	public String csv() {
		StringBuilder text = new StringBuilder();
		for (String[] row : this.rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					text.append(',');
				}
				String cell = row[i];
				if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
						|| cell.indexOf('\r') >= 0) {
					text.append('"').append(cell.replace("\"", "\"\"")).append('"');
				}
				else {
					text.append(cell);
				}
			}
			text.append("\r\n");
		}
		return text.toString();
	}

	/**
	 * Lines as {@code uniq -c} prints them ({@code %7d %s}) after {@code sort -rn}:
	 * largest count first, ties in reverse byte order of the line, as GNU sort's
	 * last-resort comparison under {@code -r} puts them.
	 */
	public static String uniqCount(List<? extends CountedLine> lines) {
		List<String> printed = new ArrayList<>();
		lines.stream()
			.sorted(java.util.Comparator.comparingLong(CountedLine::count)
				.thenComparing((CountedLine line) -> String.format("%7d %s", line.count(), line.value()))
				.reversed())
			.forEach((line) -> printed.add(String.format("%7d %s", line.count(), line.value())));
		return printed.isEmpty() ? "" : String.join("\n", printed) + "\n";
	}

	/** A value and how many times it was counted. */
	public interface CountedLine {

		long count();

		String value();

	}

}
