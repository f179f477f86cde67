package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.socket.PortFilter;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port filter's programs: their exact bytes for one port, and for every filter below,
 * run over every pair of ports of interest by the kernel's own interpreter and audit
 * ({@code inet_diag_bc_run} and {@code inet_diag_bc_audit} of
 * {@code net/ipv4/inet_diag.c}, transcribed), they accept exactly what the filter asks.
 */
class PortBytecodeTests {

	private static final int[] PORTS = { 0, 1, 21, 22, 23, 79, 80, 81, 442, 443, 444, 1023, 1024, 8080, 65535 };

	@Test
	void oneLocalPortIsTwoTestsThatRefusePastTheEnd() {
		byte[] program = PortBytecode.of(new PortFilter(null, ports("80"), null));
		ByteBuffer ops = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
		// S_GE, yes 8, no 16 + 4 (past the end); the port; S_LE, yes 8, no 8 + 4
		assertThat(op(ops)).containsExactly(2, 8, 20);
		assertThat(op(ops)).containsExactly(0, 0, 80);
		assertThat(op(ops)).containsExactly(3, 8, 12);
		assertThat(op(ops)).containsExactly(0, 0, 80);
		assertThat(ops.hasRemaining()).isFalse();
	}

	@Test
	void noPortNoProgram() {
		assertThat(PortBytecode.of(PortFilter.NONE)).isNull();
	}

	static List<PortFilter> filters() {
		return List.of(new PortFilter(null, ports("80"), null), new PortFilter(null, null, ports("443")),
				new PortFilter(ports("22"), null, null), new PortFilter(null, ports("80,443,8080"), null),
				new PortFilter(null, ports("1024-65535"), null), new PortFilter(ports("21-23,80"), null, null),
				new PortFilter(null, ports("80"), ports("1024-65535")),
				new PortFilter(ports("443"), ports("0-1023"), ports("22,443,8080")),
				new PortFilter(null, ports("0"), null));
	}

	@ParameterizedTest
	@MethodSource("filters")
	void acceptsWhatTheFilterAsksAndPassesTheKernelsAudit(PortFilter filter) {
		byte[] program = PortBytecode.of(filter);
		assertThat(audit(program)).as("audit").isTrue();
		for (int local : PORTS) {
			for (int remote : PORTS) {
				boolean wanted = (filter.local() == null || filter.local().contains(local))
						&& (filter.remote() == null || filter.remote().contains(remote)) && (filter.either() == null
								|| filter.either().contains(local) || filter.either().contains(remote));
				assertThat(run(program, local, remote)).as("%s with %d -> %d", filter, local, remote).isEqualTo(wanted);
			}
		}
	}

	@Test
	void leavesToTheSelectionAClauseTooLongForAProgram() {
		List<PortRange> many = new ArrayList<>();
		for (int port = 1; port <= PortBytecode.MAX_RANGES + 1; port++) {
			many.add(new PortRange(port, port));
		}
		assertThat(PortBytecode.of(new PortFilter(null, new PortSet(many), null))).isNull();
		byte[] program = PortBytecode.of(new PortFilter(null, new PortSet(many), ports("80")));
		assertThat(run(program, 5000, 80)).isTrue();
		assertThat(run(program, 5000, 81)).isFalse();
	}

	private static PortSet ports(String text) {
		List<PortRange> ranges = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] ends = part.split("-");
			ranges.add(new PortRange(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1])));
		}
		return new PortSet(ranges);
	}

	private static int[] op(ByteBuffer ops) {
		return new int[] { ops.get() & 0xff, ops.get() & 0xff, ops.getShort() & 0xffff };
	}

	/** {@code inet_diag_bc_run}, for the port tests and the jump. */
	private static boolean run(byte[] program, int sport, int dport) {
		ByteBuffer ops = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
		int at = 0;
		int len = program.length;
		while (len > 0) {
			int code = ops.get(at) & 0xff;
			int yes = ops.get(at + 1) & 0xff;
			int no = ops.getShort(at + 2) & 0xffff;
			int port = (code >= 2 && code <= 5) ? ops.getShort(at + 6) & 0xffff : 0;
			boolean result = switch (code) {
				case 0 -> true;
				case 1 -> false;
				case 2 -> sport >= port;
				case 3 -> sport <= port;
				case 4 -> dport >= port;
				case 5 -> dport <= port;
				default -> throw new IllegalStateException("op " + code);
			};
			int step = result ? yes : no;
			at += step;
			len -= step;
		}
		return len == 0;
	}

	/** {@code inet_diag_bc_audit}: every op reached by yes, every no on an op or past. */
	private static boolean audit(byte[] program) {
		ByteBuffer ops = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
		List<Integer> reachable = new ArrayList<>();
		int at = 0;
		int len = program.length;
		while (len > 0) {
			reachable.add(len);
			int code = ops.get(at) & 0xff;
			int yes = ops.get(at + 1) & 0xff;
			int no = ops.getShort(at + 2) & 0xffff;
			int min = (code >= 2 && code <= 5) ? 8 : 4;
			if (min == 8 && len < 8) {
				return false;
			}
			if (code != 0 && (no < min || no > len + 4 || (no & 3) != 0)) {
				return false;
			}
			if (code != 0 && no < len && !targets(program, len - no)) {
				return false;
			}
			if (yes < min || yes > len + 4 || (yes & 3) != 0) {
				return false;
			}
			at += yes;
			len -= yes;
		}
		return len == 0;
	}

	/** {@code valid_cc}: a jump lands where the walk by yes steps passes. */
	private static boolean targets(byte[] program, int remaining) {
		int at = 0;
		int len = program.length;
		while (len > 0) {
			if (len == remaining) {
				return true;
			}
			int yes = program[at + 1] & 0xff;
			at += yes;
			len -= yes;
		}
		return remaining == 0;
	}

}
