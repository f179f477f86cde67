package io.netstatd.kernel.socket.procfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcLines;
import io.netstatd.kernel.procfs.ProcNumbers;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;
import io.netstatd.support.text.Printable;

/**
 * Parses {@code /proc/net/unix} ({@code unix_seq_show} in {@code net/unix/af_unix.c}):
 * {@code Num: RefCount Protocol Flags Type St Inode [Path]}, each line checked against
 * that exact shape. The kernel prints a bound name raw, byte by byte ({@code @} for NUL),
 * so a path keeps its spaces (everything after the inode's single space) and a name
 * holding a line break spills onto the next line: a spilled tail that does not have the
 * shape is reported; one crafted to have it cannot be told from a real socket here, which
 * is why the live {@code /proc} is checked against sock_diag (see
 * {@code UnixSocketsReconciler}).
 */
public final class ProcNetUnixParser {

	/** {@code SO_ACCEPTCON} in the Flags column: a listening socket. */
	static final long ACCEPTCON = 0x10000;

	private ProcNetUnixParser() {
	}

	/**
	 * Parses {@code /proc/net/unix}.
	 * @param file the file
	 * @return the sockets and the lines left out
	 */
	public static Parsed<UnixSocket> parse(ProcFile file) {
		byte[] data = file.data();
		List<UnixSocket> sockets = new ArrayList<>();
		Skipped.Builder skipped = new Skipped.Builder();
		ProcLines.forEach(data, file.length(), (lineNumber, start, end) -> {
			boolean header = lineNumber == 1 && startsWith(data, start, end, "Num ");
			if (!header && end > start) {
				Line line = new Line(data, start, end);
				String problem = line.parse();
				if (problem == null) {
					sockets.add(line.socket);
				}
				else {
					skipped.add(file.name(), lineNumber, problem,
							() -> Printable.bytes(data, start, Math.min(end - start, SkippedLine.MAX_TEXT)));
				}
			}
		});
		return new Parsed<>(sockets, skipped.build());
	}

	private static boolean startsWith(byte[] data, int start, int end, String prefix) {
		byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
		if (end - start < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if (data[start + i] != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	/** One line, read left to right with a cursor. */
	private static final class Line {

		private final byte[] data;

		private final int end;

		private int at;

		private UnixSocket socket;

		Line(byte[] data, int start, int end) {
			this.data = data;
			this.at = start;
			this.end = end;
		}

		String parse() {
			// "%pK: ": the kernel address, hashed or zeros, 8 or 16 hex digits
			int digits = hexRun();
			if ((digits != 8 && digits != 16) || !take(':') || !take(' ')) {
				return "column 1 (Num): expected a kernel address and a colon";
			}
			long refCount = hexField(8);
			long protocol = take(' ') ? hexField(8) : -1;
			long flags = take(' ') ? hexField(8) : -1;
			long type = take(' ') ? hexField(4) : -1;
			long state = take(' ') ? hexField(2) : -1;
			if (refCount < 0 || protocol != 0 || flags < 0 || type < 0 || state < 0 || !take(' ')) {
				return "columns 2 to 6 (RefCount Protocol Flags Type St): expected 8, 8, 8, 4 and 2 hex digits";
			}
			// "%5lu": the inode, right-aligned
			while (this.at < this.end && this.data[this.at] == ' ') {
				this.at++;
			}
			long inode = decimal();
			if (inode < 0) {
				return "column 7 (Inode): expected a number";
			}
			String path = null;
			if (this.at < this.end) {
				if (!take(' ') || this.at == this.end) {
					return "column 8 (Path): expected one space and a name after the inode";
				}
				path = Printable.bytes(this.data, this.at, this.end - this.at);
			}
			boolean accepting = (flags & ACCEPTCON) != 0;
			this.socket = new UnixSocket(UnixSocket.Type.of((int) type), UnixSocket.State.of((int) state, accepting),
					accepting, refCount, inode, path);
			return null;
		}

		private boolean take(char c) {
			if (this.at < this.end && this.data[this.at] == c) {
				this.at++;
				return true;
			}
			return false;
		}

		private int hexRun() {
			int from = this.at;
			while (this.at < this.end && ProcNumbers.hexDigit(this.data[this.at]) >= 0) {
				this.at++;
			}
			return this.at - from;
		}

		/** Exactly {@code digits} hex digits, or -1. */
		private long hexField(int digits) {
			if (this.at + digits > this.end) {
				return -1;
			}
			long value = 0;
			for (int i = 0; i < digits; i++) {
				int digit = ProcNumbers.hexDigit(this.data[this.at + i]);
				if (digit < 0) {
					return -1;
				}
				value = (value << 4) | digit;
			}
			this.at += digits;
			return value;
		}

		private long decimal() {
			int from = this.at;
			long value = 0;
			while (this.at < this.end && this.data[this.at] >= '0' && this.data[this.at] <= '9'
					&& this.at - from < 19) {
				value = value * 10 + (this.data[this.at] - '0');
				this.at++;
			}
			return (this.at == from) ? -1 : value;
		}

	}

}
