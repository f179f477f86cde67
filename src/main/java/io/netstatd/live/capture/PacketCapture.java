package io.netstatd.live.capture;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.query.InvalidParameterException;

import org.springframework.stereotype.Service;

/**
 * Runs one capture at a time: opens the ring with the query's program, counts what the
 * kernel hands over until the packets or the seconds asked for are reached or the request
 * ends, then closes the socket and unmaps the ring. Nothing runs unless a request asks.
 */
@Service
public class PacketCapture {

	/** What the program copies of a packet: the largest IPv4 header and TCP's flags. */
	static final int SNAPLEN = 96;

	/** How long one wait for a block lasts: how soon a request's end is noticed. */
	private static final int WAIT_MILLIS = 100;

	private final CaptureProperties properties;

	private final Semaphore one = new Semaphore(1);

	private volatile long runningUntil;

	PacketCapture(CaptureProperties properties) {
		this.properties = properties;
	}

	/**
	 * A short capture of the TCP packets to {@code port} on every interface, counted by
	 * source, for {@code /stats/sources}: the same slot, bounds and refusals as
	 * {@code /capture/top-sources}.
	 * @param port the port
	 * @param duration how long, at most {@code seconds}' bound
	 * @param request the request's deadline
	 * @return per source its packets, bytes and SYNs, and how long the capture ran
	 */
	public PacketsBySource packetsTo(int port, Duration duration, Deadline request) {
		CaptureQuery query = new CaptureQuery(CaptureQuery.ANY,
				new PacketFilter(Set.of(Transport.TCP), port, Direction.DST, false), TopSourcesQuery.MAX_PACKETS,
				duration, 0);
		return run(query, request, (counter, nanos, dropped, stop) -> new PacketsBySource(Map.copyOf(counter.counts()),
				nanos / 1e9, stop == TopSources.Stop.SECONDS && dropped == 0));
	}

	TopSources capture(CaptureQuery query, Deadline request) {
		return run(query, request,
				(counter, nanos, dropped, stop) -> TopSources.of(query, counter, nanos, dropped, stop));
	}

	private <T> T run(CaptureQuery query, Deadline request, Outcome<T> outcome) {
		if (!this.properties.enabled()) {
			throw new CaptureDisabledException();
		}
		int ifindex = ifindex(query.iface());
		if (!this.one.tryAcquire()) {
			long left = (this.runningUntil - System.nanoTime()) / 1_000_000_000L + 1;
			throw new CaptureBusyException(Math.max(1, left));
		}
		try {
			long start = System.nanoTime();
			long end = start + query.duration().toNanos();
			this.runningUntil = end;
			BpfProgram program = query.filter().program(LinkType.LINUX_SLL, SNAPLEN).cooked();
			try (PacketRing ring = PacketRing.open(ifindex, program, CaptureProperties.BLOCK_SIZE,
					this.properties.blockCount())) {
				SourceCounter counter = new SourceCounter(query.filter().direction());
				TopSources.Stop stop = count(ring, counter, query, end, request);
				long nanos = System.nanoTime() - start;
				return outcome.of(counter, nanos, ring.statistics().dropped(), stop);
			}
		}
		finally {
			this.one.release();
		}
	}

	/**
	 * Counts until the packets or the seconds are reached, or the request ends: its
	 * client closed its side (gone, or only half-closed as {@code nc -N} does: from here
	 * the two look the same).
	 */
	private static TopSources.Stop count(PacketRing ring, SourceCounter counter, CaptureQuery query, long end,
			Deadline request) {
		Set<Integer> loopbacks = loopbacks();
		PacketRing.PacketVisitor visitor = (ByteBuffer bytes, int at, int captured, int length, int ifindex,
				int type) -> {
			// a packet sent on loopback is seen leaving and again arriving: libpcap
			// skips the first, and so do we
			if (type != PacketRing.PACKET_OUTGOING || !loopbacks.contains(ifindex)) {
				counter.count(bytes, at, captured, length);
			}
			return counter.packets() < query.packets();
		};
		while (counter.packets() < query.packets()) {
			if (request.ended()) {
				return TopSources.Stop.CLIENT;
			}
			long left = end - System.nanoTime();
			if (left <= 0 || !ring.next(visitor, (int) Math.min(WAIT_MILLIS, Math.max(1, left / 1_000_000)))) {
				return TopSources.Stop.SECONDS;
			}
		}
		return TopSources.Stop.PACKETS;
	}

	private static int ifindex(String name) {
		if (CaptureQuery.ANY.equals(name)) {
			return 0;
		}
		try {
			NetworkInterface found = NetworkInterface.getByName(name);
			if (found != null) {
				return found.getIndex();
			}
		}
		catch (SocketException ex) {
			// as unknown
		}
		throw new InvalidParameterException("iface",
				"Unknown interface '" + InvalidParameterException.echo(name) + "' for parameter 'iface'.",
				"any, or one of " + String.join(", ", interfaces()));
	}

	private static List<String> interfaces() {
		try {
			return Collections.list(NetworkInterface.getNetworkInterfaces())
				.stream()
				.map(NetworkInterface::getName)
				.sorted()
				.collect(Collectors.toList());
		}
		catch (SocketException ex) {
			return List.of();
		}
	}

	private static Set<Integer> loopbacks() {
		Set<Integer> loopbacks = new HashSet<>();
		try {
			for (NetworkInterface candidate : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (candidate.isLoopback()) {
					loopbacks.add(candidate.getIndex());
				}
			}
		}
		catch (SocketException ex) {
			loopbacks.add(1); // lo is the first interface of every namespace
		}
		return loopbacks;
	}

	/** What a capture's caller makes of its counts. */
	private interface Outcome<T> {

		T of(SourceCounter counter, long nanos, long dropped, TopSources.Stop stop);

	}

	/**
	 * Packets to a port by source address: packets, bytes, SYNs.
	 *
	 * @param counts per address: packets, bytes, connection attempts (SYN without ACK)
	 * @param seconds how long the capture ran
	 * @param complete whether it ran as long as asked
	 */
	public record PacketsBySource(Map<IpAddress, long[]> counts, double seconds, boolean complete) {

	}

}
