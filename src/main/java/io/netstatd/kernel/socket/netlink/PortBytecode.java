package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.socket.PortFilter;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;

/**
 * The kernel's socket filter for ports ({@code INET_DIAG_REQ_BYTECODE},
 * {@code include/uapi/linux/inet_diag.h}), what {@code ss} sends for {@code sport = :80}:
 * the kernel then builds messages only for the sockets it accepts, so the answer about
 * one port of 60,000 connections costs what that port's connections cost.
 * <p>
 * A program is a list of {@code struct inet_diag_bc_op {u8 code; u8 yes; u16 no;}}: a
 * true test moves on by {@code yes} bytes, a false one by {@code no}; the socket is
 * accepted when the program's end is reached exactly, refused when a jump lands 4 bytes
 * past it ({@code inet_diag_bc_run}). A port test is followed by an op whose {@code no}
 * holds the port (host order). The kernel audits every program
 * ({@code inet_diag_bc_audit}): each {@code yes} steps to the next op, each {@code no}
 * lands on an op or 4 past the end.
 * <p>
 * Clauses (local, remote, either side) are ANDed; a clause is the OR of its ranges, each
 * range {@code >= from and <= to}. The filter only narrows what the selection itself
 * checks again, so a clause with more than {@link #MAX_RANGES} ranges is left to it.
 */
final class PortBytecode {

	/** {@code INET_DIAG_REQ_BYTECODE}: the request's attribute carrying the program. */
	static final int ATTRIBUTE = 1;

	static final int MAX_RANGES = 32;

	private static final int JMP = 1;

	private static final int S_GE = 2;

	private static final int S_LE = 3;

	private static final int D_GE = 4;

	private static final int D_LE = 5;

	private static final int OP = 4;

	/** A port test and its port: two ops. */
	private static final int TEST = 2 * OP;

	/** A range: its two tests (a jump follows all but a clause's last). */
	private static final int RANGE = 2 * TEST;

	private PortBytecode() {
	}

	/**
	 * The program for {@code ports}, or null when it asks for no port.
	 * @param ports the ports the kernel may filter on
	 * @return the program's bytes, native order, or null
	 */
	static byte[] of(PortFilter ports) {
		List<List<Range>> clauses = new ArrayList<>();
		add(clauses, ports.local(), true, false);
		add(clauses, ports.remote(), false, true);
		add(clauses, ports.either(), true, true);
		if (clauses.isEmpty()) {
			return null;
		}
		int length = 0;
		for (List<Range> clause : clauses) {
			length += clauseLength(clause);
		}
		ByteBuffer program = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
		int reject = length + OP;
		for (List<Range> clause : clauses) {
			int end = program.position() + clauseLength(clause);
			for (int i = 0; i < clause.size(); i++) {
				boolean last = i == clause.size() - 1;
				int start = program.position();
				// a range that fails tries the clause's next range; the last one refuses
				int failed = last ? reject : start + RANGE + OP;
				Range range = clause.get(i);
				test(program, range.local() ? S_GE : D_GE, range.from(), failed);
				test(program, range.local() ? S_LE : D_LE, range.to(), failed);
				if (!last) {
					// in range: on to the next clause
					op(program, JMP, OP, end - program.position());
				}
			}
		}
		return program.array();
	}

	private static void add(List<List<Range>> clauses, PortSet set, boolean local, boolean remote) {
		if (set == null) {
			return;
		}
		List<Range> clause = new ArrayList<>();
		for (PortRange range : set.ranges()) {
			if (local) {
				clause.add(new Range(true, range.from(), range.to()));
			}
			if (remote) {
				clause.add(new Range(false, range.from(), range.to()));
			}
		}
		if (!clause.isEmpty() && clause.size() <= MAX_RANGES) {
			clauses.add(clause);
		}
	}

	private static void test(ByteBuffer program, int code, int port, int failed) {
		op(program, code, TEST, failed - program.position());
		op(program, 0, 0, port);
	}

	private static void op(ByteBuffer program, int code, int yes, int no) {
		program.put((byte) code).put((byte) yes).putShort((short) no);
	}

	private static int clauseLength(List<Range> clause) {
		return clause.size() * RANGE + (clause.size() - 1) * OP;
	}

	/** One range of ports on one side. */
	private record Range(boolean local, int from, int to) {

	}

}
