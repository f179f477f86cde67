package io.netstatd.core.connections;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A list whose rows are made from the sockets when they are read, each time they are
 * read: what the response writes a row at a time. A 60,000-row list made whole before it
 * was written lived through young collections in the middle of the write and was
 * promoted, and every few list requests then paid a full collection of the old
 * generation; rows made as written die young. Rows are values (records), so two reads of
 * a row are equal.
 *
 * @param <S> the sockets' type
 * @param <R> the rows' type
 */
final class RowsAsWritten<S, R> extends AbstractList<R> implements RandomAccess {

	private final List<S> sockets;

	private final Function<S, R> row;

	RowsAsWritten(List<S> sockets, Function<S, R> row) {
		this.sockets = sockets;
		this.row = row;
	}

	@Override
	public R get(int index) {
		return this.row.apply(this.sockets.get(index));
	}

	@Override
	public int size() {
		return this.sockets.size();
	}

}
