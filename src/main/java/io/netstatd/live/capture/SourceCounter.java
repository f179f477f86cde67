package io.netstatd.live.capture;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import io.netstatd.support.inet.IpAddress;

/**
 * Counts captured packets by one of their addresses: the source of packets to a port, the
 * destination of packets from one. Reads the IP header's version, addresses and nothing
 * else; the length is the kernel's.
 */
final class SourceCounter {

	private final Direction direction;

	private final Map<IpAddress, long[]> counts = new HashMap<>();

	private long packets;

	private long unreadable;

	SourceCounter(Direction direction) {
		this.direction = direction;
	}

	/**
	 * Counts one packet.
	 * @param bytes the packet's bytes, big-endian
	 * @param at where its IP header starts
	 * @param captured how many of its bytes are there
	 * @param length its length from the IP header on
	 */
	void count(ByteBuffer bytes, int at, int captured, int length) {
		this.packets++;
		IpAddress address = address(bytes, at, captured);
		if (address == null) {
			this.unreadable++;
			return;
		}
		long[] count = this.counts.computeIfAbsent(address, (a) -> new long[3]);
		count[0]++;
		count[1] += length;
		if (isSyn(bytes, at, captured)) {
			count[2]++;
		}
	}

	/**
	 * Whether the packet is a connection attempt: TCP with SYN and without ACK, as
	 * tcpdump's {@code tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn}. The flags are the
	 * 14th byte of the TCP header, after IPv4's header of IHL words or IPv6's 40 bytes (a
	 * packet with IPv6 extension headers is not read as one).
	 */
	private static boolean isSyn(ByteBuffer bytes, int at, int captured) {
		int version = (bytes.get(at) & 0xf0) >>> 4;
		int tcp;
		if (version == 4 && captured >= 20 && (bytes.get(at + 9) & 0xff) == 6) {
			tcp = at + (bytes.get(at) & 0x0f) * 4;
		}
		else if (version == 6 && captured >= 40 && (bytes.get(at + 6) & 0xff) == 6) {
			tcp = at + 40;
		}
		else {
			return false;
		}
		return tcp + 14 <= at + captured && (bytes.get(tcp + 13) & 0x12) == 0x02;
	}

	private IpAddress address(ByteBuffer bytes, int at, int captured) {
		if (captured < 1) {
			return null;
		}
		int version = (bytes.get(at) & 0xf0) >>> 4;
		boolean source = this.direction == Direction.DST;
		if (version == 4 && captured >= 20) {
			return IpAddress.ipv4(bytes.getInt(at + (source ? 12 : 16)));
		}
		if (version == 6 && captured >= 40) {
			int offset = at + (source ? 8 : 24);
			return IpAddress.ipv6(bytes.getLong(offset), bytes.getLong(offset + 8));
		}
		return null;
	}

	/** Packets counted, the unreadable ones included. */
	long packets() {
		return this.packets;
	}

	/** Packets too short to hold an IP header, or neither IPv4 nor IPv6. */
	long unreadable() {
		return this.unreadable;
	}

	/** Packets and bytes by address. */
	Map<IpAddress, long[]> counts() {
		return this.counts;
	}

}
