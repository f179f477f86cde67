package io.netstatd.core.connections;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ReadAsWritten;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;

/**
 * A socket list that needs none of its rows whole (no sort, names, owners or Unix
 * sockets): its JSON is written row by row as the kernel's dump is parsed
 * ({@link ListingAsReadJson}), so it holds one netlink buffer, not 60,000 rows, and
 * {@code total} and {@code count} follow the rows. Its CSV is written as read too where
 * the dump can skip no line (the skipped-lines header precedes the body); its table is
 * gathered first, as {@link SocketListing}: netstat's aligned columns need every row's
 * widths.
 */
final class ListingAsRead implements TextView, ReadAsWritten {

	/** How many sockets go by between two looks at the deadline. */
	static final int DEADLINE_EVERY = 1024;

	private final Dump dump;

	private final Function<InetSocket, ListedSocket> row;

	private final Integer limit;

	private final Deadline deadline;

	private final Supplier<SocketListing> gather;

	private final boolean csvAsRead;

	private final boolean podColumns;

	private SocketListing gathered;

	/**
	 * A list to write as it is read.
	 * @param dump reads the sockets, each to a sink, and says what it skipped
	 * @param row makes a socket's row as it is written
	 * @param limit how many rows at most, or null for all
	 * @param deadline the request's; the writing stops at it
	 * @param gather the same list gathered whole, for the text forms
	 * @param csvAsRead whether its CSV is written as read too: when the dump can skip no
	 * line, the skipped-lines header has nothing to say before the body
	 * @param podColumns whether its CSV has pod and container columns (pods were asked
	 * for)
	 */
	ListingAsRead(Dump dump, Function<InetSocket, ListedSocket> row, Integer limit, Deadline deadline,
			Supplier<SocketListing> gather, boolean csvAsRead, boolean podColumns) {
		this.podColumns = podColumns;
		this.dump = dump;
		this.row = row;
		this.limit = limit;
		this.deadline = deadline;
		this.gather = gather;
		this.csvAsRead = csvAsRead;
	}

	/**
	 * Reads the sockets, giving each row the limit lets through to {@code written}.
	 * @param written where the listed rows go, as they are parsed
	 * @return how many matched and were listed, and what was skipped
	 */
	Written read(Consumer<ListedSocket> written) {
		int[] counts = new int[2];
		Skipped skipped = this.dump.each((socket) -> {
			int matched = ++counts[0];
			if (this.limit == null || counts[1] < this.limit) {
				counts[1]++;
				written.accept(this.row.apply(socket));
			}
			if (matched % DEADLINE_EVERY == 0) {
				this.deadline.check("writing the list");
			}
		});
		return new Written(counts[0], counts[1], skipped);
	}

	@Override
	public String plain() {
		return gathered().plain();
	}

	@Override
	public TextTable csv() {
		return gathered().csv();
	}

	@Override
	public void writePlain(Writer out) throws IOException {
		gathered().writePlain(out);
	}

	@Override
	public boolean csvWrittenAsRead() {
		return this.csvAsRead;
	}

	@Override
	public void writeCsv(Writer out) throws IOException {
		if (!this.csvAsRead) {
			gathered().writeCsv(out);
			return;
		}
		// one namespace: no netns column
		TextTable.CsvRows rows = TextTable.csvRows(out, SocketListing.csvHeader(this.podColumns, false));
		read((row) -> rows.add(SocketListing.csvCells(row, this.podColumns, false)));
	}

	@Override
	public Skipped skipped() {
		return gathered().skipped();
	}

	private SocketListing gathered() {
		if (this.gathered == null) {
			this.gathered = this.gather.get();
		}
		return this.gathered;
	}

	/** How a list's sockets are read: each to the sink, in the kernel's order. */
	@FunctionalInterface
	interface Dump {

		/**
		 * Reads the sockets.
		 * @param sink where each goes
		 * @return the lines skipped
		 */
		Skipped each(Consumer<InetSocket> sink);

	}

	/**
	 * What a list written as read found, once its rows are written.
	 *
	 * @param total how many sockets matched
	 * @param count how many were listed
	 * @param skipped the lines skipped
	 */
	record Written(int total, int count, Skipped skipped) {

	}

}
