package io.netstatd.socket.procfs;

/**
 * The lines of a procfs file read whole: what every table parser walks. A line is a run
 * up to {@code '\n'}; the last one may end without it, as a file cut mid-line does.
 */
final class ProcLines {

	private ProcLines() {
	}

	/** What to do with one line, given as {@code [start, end)} of the data. */
	@FunctionalInterface
	interface Visitor {

		void line(int lineNumber, int start, int end);

	}

	/**
	 * Visits every line of the first {@code length} bytes of {@code data}, numbered from
	 * 1.
	 */
	static void forEach(byte[] data, int length, Visitor visitor) {
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

}
