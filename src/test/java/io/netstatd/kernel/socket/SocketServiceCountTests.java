package io.netstatd.kernel.socket;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.netstatd.core.stats.StateCounts;
import io.netstatd.core.stats.TopIps;
import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts given the sockets one at a time: what they count, that no list is read for them,
 * and a dump that fails half way counted once, not twice.
 */
class SocketServiceCountTests {

	private static final Set<Protocol> TCP = EnumSet.of(Protocol.TCP);

	private static final Skipped ONE_LINE = Skipped.of(List.of(new SkippedLine("net/tcp", 9, "12 columns", "  9: x")));

	private final List<InetSocket> table = List.of(socket(80, 1, SocketState.LISTEN),
			socket(80, 2, SocketState.ESTABLISHED), socket(80, 2, SocketState.ESTABLISHED),
			socket(80, 3, SocketState.TIME_WAIT), socket(443, 2, SocketState.ESTABLISHED));

	@Test
	void countsTheSelectedSocketsAsTheyAreGivenWithoutAList() {
		TableSource source = new TableSource(this.table, -1);
		SocketService service = service(source);
		SocketSelection port80 = SocketSelection.of(TCP).withPorts(null, ports(80), null);

		StateCounts states = service.count(port80, NamespaceChoice.OWN, StateCounts.class, StateCounts.Counter::new);
		TopIps top = service.count(port80.inStates(Set.of(SocketState.ESTABLISHED, SocketState.TIME_WAIT)),
				NamespaceChoice.OWN, "top", () -> new TopIps.Counter(80, 1));

		assertThat(states.total()).isEqualTo(4);
		assertThat(states.states()).startsWith(new StateCounts.StateCount(SocketState.ESTABLISHED, 2),
				new StateCounts.StateCount(SocketState.TIME_WAIT, 1),
				new StateCounts.StateCount(SocketState.LISTEN, 1));
		assertThat(states.skipped()).isEqualTo(ONE_LINE);
		assertThat(top.total()).isEqualTo(3);
		assertThat(top.ips()).containsExactly(new TopIps.IpCount(address(2), 2));
		assertThat(source.lists.get()).isZero();
		assertThat(source.ports).containsExactly(new PortFilter(null, ports(80), null),
				new PortFilter(null, ports(80), null));
	}

	@Test
	void countsADumpThatFailedHalfWayOnceFromTheTablesReadWhole() {
		TableSource source = new TableSource(this.table, 3);
		SocketService service = service(source);

		StateCounts states = service.count(SocketSelection.of(TCP), NamespaceChoice.OWN, StateCounts.class,
				StateCounts.Counter::new);

		assertThat(states.total()).isEqualTo(5);
		assertThat(states.states()).startsWith(new StateCounts.StateCount(SocketState.ESTABLISHED, 3));
		assertThat(source.lists.get()).isOne();
	}

	private static SocketService service(SocketSource source) {
		ProcfsProperties procfs = new ProcfsProperties(Path.of("/proc"));
		return new SocketService(source, new NamespaceScanner(procfs), new SkippedLineCounter(procfs));
	}

	private static InetSocket socket(int localPort, int remote, SocketState state) {
		return new InetSocket(Protocol.TCP, IpAddress.ipv4(0x0a00_0001), localPort,
				(state == SocketState.LISTEN) ? IpAddress.IPV4_ANY : address(remote),
				(state == SocketState.LISTEN) ? 0 : 40000 + remote, state, 0, 0, 0, 0, SocketTimer.OFF);
	}

	private static IpAddress address(int host) {
		return IpAddress.ipv4(0x0a00_0100 + host);
	}

	private static PortSet ports(int port) {
		return new PortSet(List.of(new PortRange(port, port)));
	}

	/**
	 * A table given whole by read and a socket at a time by each; each fails after
	 * {@code failAfter} sockets when that is not negative, as a dump cut by the kernel.
	 */
	private static final class TableSource implements SocketSource {

		private final List<InetSocket> table;

		private final int failAfter;

		final AtomicInteger lists = new AtomicInteger();

		final List<PortFilter> ports = new ArrayList<>();

		TableSource(List<InetSocket> table, int failAfter) {
			this.table = table;
			this.failAfter = failAfter;
		}

		@Override
		public Parsed<InetSocket> read(Set<Protocol> protocols, Set<SocketState> states) {
			this.lists.incrementAndGet();
			return new Parsed<>(this.table, ONE_LINE);
		}

		@Override
		public Skipped each(Set<Protocol> protocols, Set<SocketState> states, Set<SocketDetail> details,
				PortFilter ports, Consumer<InetSocket> sink) {
			this.ports.add(ports);
			for (int i = 0; i < this.table.size(); i++) {
				if (i == this.failAfter) {
					throw new DumpInterruptedException(Protocol.TCP, new IllegalStateException("cut"));
				}
				sink.accept(this.table.get(i));
			}
			return ONE_LINE;
		}

		@Override
		public Parsed<UnixSocket> readUnix() {
			return Parsed.empty();
		}

		@Override
		public String name() {
			return "table";
		}

	}

}
