package io.netstatd.export.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netstatd.core.stats.StateCounts;
import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.report.Skipped;
import io.netstatd.views.interfaces.InterfacesRepository;
import io.netstatd.views.interfaces.NetInterface;

/**
 * The host's network figures under OpenTelemetry's semantic conventions for system
 * metrics: {@code system.network.connection.count} ({@code network.connection.state},
 * {@code network.transport}), and per interface and direction ({@code
 * network.interface.name}, {@code network.io.direction}) {@code system.network.io},
 * {@code system.network.packet.count}, {@code system.network.errors},
 * {@code system.network.packet.dropped}. Pushed over OTLP only (the Prometheus scrape
 * keeps its own names). One read of the tables and of {@code /proc/net/dev} serves every
 * meter of a push: it is kept {@value #FRESH_NANOS} ns.
 */
final class SystemNetworkMeters implements MeterBinder {

	/** The prefix of these meters' names: what the Prometheus registry leaves out. */
	static final String PREFIX = "system.network.";

	private static final long FRESH_NANOS = 5_000_000_000L;

	private final SocketService sockets;

	private final InterfacesRepository interfaces;

	private final Set<String> interfacesMetered = new HashSet<>();

	private MeterRegistry registry;

	private volatile Snapshot snapshot;

	SystemNetworkMeters(SocketService sockets, InterfacesRepository interfaces) {
		this.sockets = sockets;
		this.interfaces = interfaces;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (SocketState state : SocketState.TCP_STATES) {
			Gauge.builder(PREFIX + "connection.count", this, (meters) -> meters.current().tcp().get(state))
				.description("TCP connections by state")
				.baseUnit("{connection}")
				.tags("network.connection.state", otelState(state), "network.transport", "tcp")
				.register(registry);
		}
		Gauge.builder(PREFIX + "connection.count", this, (meters) -> meters.current().udp())
			.description("UDP sockets")
			.baseUnit("{connection}")
			.tags("network.transport", "udp")
			.register(registry);
		// nothing is read here: a service whose procfs cannot be read still starts (and
		// says so with 503s); the interfaces get their meters at the first read
	}

	/** OpenTelemetry's words for the states: {@code fin_wait_1}, {@code syn_recv}, ... */
	static String otelState(SocketState state) {
		return switch (state) {
			case FIN_WAIT1 -> "fin_wait_1";
			case FIN_WAIT2 -> "fin_wait_2";
			default -> state.name().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * The snapshot of the last few seconds, or a new one; new interfaces get meters. A
	 * read that fails leaves the last one (or zeros): a push never fails for procfs.
	 */
	private Snapshot current() {
		Snapshot last = this.snapshot;
		long now = System.nanoTime();
		if (last != null && now - last.takenAt() < FRESH_NANOS) {
			return last;
		}
		try {
			return read(now);
		}
		catch (RuntimeException ex) {
			return (last != null) ? last : new Snapshot(now, StateCounts.byState(List.of()), 0, Map.of());
		}
	}

	private Snapshot read(long now) {
		TransportCounts counts = this.sockets.count(SocketSelection.of(Protocol.TCP_AND_UDP), NamespaceChoice.OWN,
				TransportCounts.class, TransportCounts::new);
		Map<String, NetInterface> devices = new java.util.LinkedHashMap<>();
		this.interfaces.interfaces().interfaces().forEach((device) -> devices.put(device.name(), device));
		Snapshot taken = new Snapshot(now, counts.tcp.byState(), counts.udp, devices);
		this.snapshot = taken;
		meterInterfaces(devices.keySet());
		return taken;
	}

	private synchronized void meterInterfaces(Set<String> names) {
		for (String name : names) {
			if (this.interfacesMetered.add(name)) {
				counter(name, "io", "By", "Bytes", NetInterface::rxBytes, NetInterface::txBytes);
				counter(name, "packet.count", "{packet}", "Packets", NetInterface::rxOk, NetInterface::txOk);
				counter(name, "errors", "{error}", "Errors", NetInterface::rxErrors, NetInterface::txErrors);
				counter(name, "packet.dropped", "{packet}", "Packets dropped", NetInterface::rxDropped,
						NetInterface::txDropped);
			}
		}
		// an interface gone (a pod's veth) takes its series with it
		for (String gone : new HashSet<>(this.interfacesMetered)) {
			if (!names.contains(gone)) {
				this.interfacesMetered.remove(gone);
				for (Meter meter : this.registry.getMeters()) {
					if (meter.getId().getName().startsWith(PREFIX)
							&& gone.equals(meter.getId().getTag("network.interface.name"))) {
						this.registry.remove(meter);
					}
				}
			}
		}
	}

	private void counter(String device, String name, String unit, String what, ToDoubleFunction<NetInterface> receive,
			ToDoubleFunction<NetInterface> transmit) {
		register(device, name, unit, what + " received", "receive", receive);
		register(device, name, unit, what + " transmitted", "transmit", transmit);
	}

	private void register(String device, String name, String unit, String description, String direction,
			ToDoubleFunction<NetInterface> value) {
		FunctionCounter.builder(PREFIX + name, this, (meters) -> {
			NetInterface found = meters.current().devices().get(device);
			return (found != null) ? value.applyAsDouble(found) : 0;
		})
			.description(description)
			.baseUnit(unit)
			.tags(Tags.of("network.interface.name", device, "network.io.direction", direction))
			.register(this.registry);
	}

	/**
	 * One read.
	 *
	 * @param takenAt when, {@link System#nanoTime()}
	 * @param tcp TCP sockets by state
	 * @param udp UDP sockets
	 * @param devices the interfaces' counters, by name
	 */
	private record Snapshot(long takenAt, Map<SocketState, Long> tcp, long udp, Map<String, NetInterface> devices) {

	}

	/**
	 * TCP sockets by state and UDP sockets, counted as the dump is parsed; no row kept.
	 */
	private static final class TransportCounts implements SocketCounter<TransportCounts> {

		private final StateCounts.Counter tcp = new StateCounts.Counter();

		private long udp;

		@Override
		public void accept(InetSocket socket) {
			if (socket.protocol().tcp()) {
				this.tcp.accept(socket);
			}
			else {
				this.udp++;
			}
		}

		@Override
		public TransportCounts result(Skipped skipped) {
			return this;
		}

	}

}
