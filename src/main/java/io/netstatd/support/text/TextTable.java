package io.netstatd.support.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rows of text cells under a header: printed aligned as netstat prints its tables, or as
 * RFC 4180 CSV. A table of many rows ({@link #of}) holds its items, not their text: each
 * row's cells are made when written (twice for an aligned table: once for the column
 * widths, once for the text), so that no more than a line of text lives at a time.
 */
public final class TextTable {

	private final String[] header;

	private final List<?> items;

	private final Function<Object, Object[]> cells;

	private final List<Object[]> added;

	private final Function<Object, String> trailer;

	public TextTable(String... header) {
		this.header = header;
		this.added = new ArrayList<>();
		this.items = this.added;
		this.cells = (row) -> (Object[]) row;
		this.trailer = (row) -> null;
	}

	@SuppressWarnings("unchecked")
	private <T> TextTable(String[] header, List<T> items, Function<? super T, Object[]> cells,
			Function<? super T, String> trailer) {
		this.header = header;
		this.added = null;
		this.items = items;
		this.cells = (Function<Object, Object[]>) cells;
		this.trailer = (Function<Object, String>) trailer;
	}

	/**
	 * A table whose rows are {@code items}, each row's cells made by {@code cells} when
	 * it is written.
	 * @param <T> the items' type
	 * @param header the column names
	 * @param items the rows' items
	 * @param cells an item's cells, as many as the header has; null cells are empty
	 * @return the table
	 */
	public static <T> TextTable of(List<String> header, List<T> items, Function<? super T, Object[]> cells) {
		return new TextTable(header.toArray(String[]::new), items, cells, (item) -> null);
	}

	/**
	 * A table whose aligned text has, under an item's row, a line of its own when
	 * {@code trailer} gives one: a tab, then the line, as {@code ss -i} prints its
	 * details under each socket. CSV has no such lines.
	 * @param <T> the items' type
	 * @param header the column names
	 * @param items the rows' items
	 * @param cells an item's cells
	 * @param trailer an item's line under its row, or null for none
	 * @return the table
	 */
	public static <T> TextTable of(List<String> header, List<T> items, Function<? super T, Object[]> cells,
			Function<? super T, String> trailer) {
		return new TextTable(header.toArray(String[]::new), items, cells, trailer);
	}

	/** Adds a row of as many cells as the header has. */
	public TextTable add(Object... cells) {
		if (this.added == null) {
			throw new IllegalStateException("a table made of items takes no rows");
		}
		if (cells.length != this.header.length) {
			throw new IllegalArgumentException("expected " + this.header.length + " cells, got " + cells.length);
		}
		this.added.add(cells.clone());
		return this;
	}

	/**
	 * Left-aligned columns, one space apart at least, no trailing spaces, as netstat -W.
	 */
	public String aligned() {
		StringBuilder text = new StringBuilder();
		writeAligned(text);
		return text.toString();
	}

	/**
	 * Writes {@link #aligned()} to {@code out} a line at a time.
	 * @param out where the text goes
	 */
	public void writeAligned(Appendable out) {
		int columns = this.header.length;
		int[] widths = new int[columns];
		String[] row = new String[columns];
		widen(widths, this.header);
		for (Object item : this.items) {
			widen(widths, text(item, row));
		}
		// a line at a time: a Writer takes a lock per call
		StringBuilder line = new StringBuilder(256);
		try {
			out.append(aligned(line, this.header, widths));
			for (Object item : this.items) {
				out.append(aligned(line, text(item, row), widths));
				String under = this.trailer.apply(item);
				if (under != null) {
					out.append(line.delete(0, line.length()).append('\t').append(under).append('\n'));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String[] text(Object item, String[] row) {
		Object[] values = this.cells.apply(item);
		for (int i = 0; i < row.length; i++) {
			row[i] = (values[i] != null) ? values[i].toString() : "";
		}
		return row;
	}

	private static void widen(int[] widths, String[] row) {
		for (int i = 0; i < widths.length; i++) {
			widths[i] = Math.max(widths[i], row[i].length());
		}
	}

	private static StringBuilder aligned(StringBuilder line, String[] row, int[] widths) {
		// cells after the last non-empty one would be trailing spaces
		int last = row.length - 1;
		while (last > 0 && row[last].isEmpty()) {
			last--;
		}
		line.setLength(0);
		for (int i = 0; i <= last; i++) {
			line.append(row[i]);
			for (int pad = (i < last) ? widths[i] - row[i].length() + 1 : 0; pad > 0; pad--) {
				line.append(' ');
			}
		}
		return line.append('\n');
	}

	/**
	 * RFC 4180: CRLF line ends, cells quoted when they hold a comma, quote or line break.
	 */
	public String csv() {
		StringBuilder text = new StringBuilder();
		writeCsv(text);
		return text.toString();
	}

	/**
	 * Writes {@link #csv()} to {@code out} a line at a time.
	 * @param out where the text goes
	 */
	public void writeCsv(Appendable out) {
		CsvRows rows = new CsvRows(out, this.header);
		for (Object item : this.items) {
			rows.add(this.cells.apply(item));
		}
	}

	/**
	 * Writes CSV a row at a time, the header first, for rows never held together.
	 * @param out where the text goes
	 * @param header the column names
	 * @return the writer of the rows
	 */
	public static CsvRows csvRows(Appendable out, List<String> header) {
		return new CsvRows(out, header.toArray(String[]::new));
	}

	private static StringBuilder csvLine(StringBuilder line, String[] row) {
		line.setLength(0);
		for (int i = 0; i < row.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String cell = row[i];
			if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
					|| cell.startsWith("'")) {
				line.append('"').append(cell.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(cell);
			}
		}
		return line.append("\r\n");
	}

	/**
	 * Lines as {@code uniq -c} prints them ({@code %7d %s}) after {@code sort -rn}:
	 * largest count first, ties in reverse byte order of the line, as GNU sort's
	 * last-resort comparison under {@code -r} puts them.
	 */
	public static String uniqCount(List<? extends CountedLine> lines) {
		List<String> printed = new ArrayList<>();
		lines.stream()
			.sorted(CountedLine.RECIPE_ORDER)
			.forEach((line) -> printed.add(String.format("%7d %s", line.count(), line.value())));
		return printed.isEmpty() ? "" : String.join("\n", printed) + "\n";
	}

	/** A value and how many times it was counted. */
	public interface CountedLine {

		/**
		 * The recipe's order, {@code sort | uniq -c | sort -rn | head}: largest count
		 * first; at equal counts GNU sort's last-resort comparison of the whole line,
		 * reversed by {@code -r}, puts the value that sorts last in bytes first. Every
		 * {@code limit} on a count cuts in this order, so that JSON and text keep the
		 * rows the recipe keeps.
		 */
		Comparator<CountedLine> RECIPE_ORDER = Comparator.comparingLong(CountedLine::count)
			.thenComparing((CountedLine line) -> line.value().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned)
			.reversed();

		long count();

		String value();

	}

	/** CSV rows written as they are given ({@link #csvRows}). */
	public static final class CsvRows {

		private final Appendable out;

		private final StringBuilder line = new StringBuilder(256);

		private final String[] row;

		private CsvRows(Appendable out, String[] header) {
			this.out = out;
			this.row = new String[header.length];
			write(header);
		}

		/**
		 * Writes one row.
		 * @param cells as many as the header has; null cells are empty
		 */
		public void add(Object[] cells) {
			for (int i = 0; i < this.row.length; i++) {
				this.row[i] = (cells[i] == null) ? ""
						: (cells[i] instanceof Number) ? cells[i].toString() : inert(cells[i].toString());
			}
			write(this.row);
		}

		/**
		 * A text cell a spreadsheet will not run, as OWASP's CSV injection guidance says:
		 * one that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
		 * carriage return (a local user can bind a unix socket at
		 * {@code =1+1*cmd|calc!A0}) gets a leading {@code '}, and is quoted. Numbers are
		 * written as they are.
		 */
		static String inert(String cell) {
			if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
				return "'" + cell;
			}
			return cell;
		}

		private void write(String[] cells) {
			try {
				this.out.append(csvLine(this.line, cells));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
