package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.socket.SocketMemory;
import io.netstatd.kernel.socket.TcpInfo;

/**
 * Parses {@code struct tcp_info} ({@code include/uapi/linux/tcp.h}) and the
 * {@code SK_MEMINFO_*} array as the kernel puts them in sock_diag attributes: host byte
 * order, at the offsets the C compiler lays them out at on Linux (u64 fields 8-aligned).
 * The structure has grown with kernel versions (104 bytes in 2.6, 232 in 6.1, more
 * since): a field is read only when the attribute's payload holds it whole, so an older
 * kernel's shorter structure leaves the newer fields absent and a newer kernel's longer
 * one is read as far as this version knows it. A pure function over bytes.
 */
public final class TcpInfoParser {

	/** The fields every kernel with sock_diag gives: up to {@code tcpi_total_retrans}. */
	static final int MINIMUM = 104;

	/** {@code tcp_info}'s {@code tcpi_snd_ssthresh} when slow start has no threshold. */
	private static final long INFINITE_SSTHRESH = 0x7fffffff;

	private static final int TCPI_OPT_WSCALE = 4;

	private static final String[] OPTIONS = { "ts", "sack", "wscale", "ecn", "ecnseen", "syn_data", "usec_ts",
			"tfo_child" };

	private TcpInfoParser() {
	}

	/**
	 * The {@code tcp_info} at {@code offset}.
	 * @param data the buffer, in host byte order
	 * @param offset where the attribute's payload starts
	 * @param length the payload's length
	 * @param congestion the {@code INET_DIAG_CONG} name, or null
	 * @return the info, or null when the payload is shorter than any kernel's structure
	 */
	public static TcpInfo parse(ByteBuffer data, int offset, int length, String congestion) {
		if (length < MINIMUM) {
			return null;
		}
		Fields f = new Fields(data, offset, length);
		int options = f.u8(5);
		boolean wscale = (options & TCPI_OPT_WSCALE) != 0;
		int scales = f.u8(6);
		long ssthresh = f.u32(76);
		Integer flags = f.has(7, 1) ? f.u8(7) : null;
		return new TcpInfo(millis(f.u32(8)), millis(f.u32(12)), millis(f.u32(68)), millis(f.u32(72)), millis(f.u32(92)),
				f.u32(16), f.u32(20), f.u32(84), f.u32(60), f.u32(80),
				(ssthresh >= INFINITE_SSTHRESH) ? null : ssthresh, f.u32(64), f.u32(96), f.u32(88), f.u8(4), f.u32(24),
				f.u32(28), f.u32(32), f.u32(36), f.u32(100), f.u32(44), f.u32(52), f.u32(56), options(options),
				wscale ? scales & 0xf : null, wscale ? scales >>> 4 : null, congestion, rate(f.u64(104)),
				rate(f.u64(112)), f.u64(120), f.u64(128), f.u32OrNull(136), f.u32OrNull(140), f.u32OrNull(144),
				f.has(148, 4) ? millis(f.u32(148)) : null, f.u32OrNull(152), f.u32OrNull(156), f.u64(160),
				micros(f.u64(168)), micros(f.u64(176)), micros(f.u64(184)), f.u32OrNull(192), f.u32OrNull(196),
				f.u64(200), f.u64(208), f.u32OrNull(216), f.u32OrNull(220), f.u32OrNull(224), f.u32OrNull(228),
				f.u32OrNull(232), f.u32OrNull(236), f.u16OrNull(240), f.u16OrNull(242), f.u32OrNull(244),
				(flags != null && f.has(160, 8)) ? (flags & 1) != 0 : null);
	}

	/**
	 * The {@code SK_MEMINFO_*} array at {@code offset}: as many u32 as the payload holds,
	 * in the kernel's order.
	 * @param data the buffer, in host byte order
	 * @param offset where the attribute's payload starts
	 * @param length the payload's length
	 * @return the memory
	 */
	public static SocketMemory memory(ByteBuffer data, int offset, int length) {
		Fields f = new Fields(data, offset, length);
		return new SocketMemory(f.u32OrNull(0), f.u32OrNull(4), f.u32OrNull(8), f.u32OrNull(12), f.u32OrNull(16),
				f.u32OrNull(20), f.u32OrNull(24), f.u32OrNull(28), f.u32OrNull(32));
	}

	/** ss's {@code %g} of µs / 1000: milliseconds with the kernel's microseconds kept. */
	private static double millis(long micros) {
		return micros / 1000.0;
	}

	private static Long micros(Long micros) {
		return (micros != null) ? micros / 1000 : null;
	}

	/** A rate of ~0 means unlimited: absent, as ss leaves it out. */
	private static Long rate(Long rate) {
		return (rate == null || rate == -1L) ? null : rate;
	}

	private static List<String> options(int bits) {
		List<String> names = new ArrayList<>();
		for (int bit = 0; bit < OPTIONS.length; bit++) {
			if ((bits & (1 << bit)) != 0) {
				names.add(OPTIONS[bit]);
			}
		}
		return List.copyOf(names);
	}

	/** The fields of one payload, each read only when the payload holds it. */
	private record Fields(ByteBuffer data, int offset, int length) {

		boolean has(int at, int size) {
			return at + size <= this.length;
		}

		int u8(int at) {
			return this.data.get(this.offset + at) & 0xff;
		}

		long u32(int at) {
			return Integer.toUnsignedLong(this.data.getInt(this.offset + at));
		}

		Long u32OrNull(int at) {
			return has(at, 4) ? u32(at) : null;
		}

		Long u16OrNull(int at) {
			return has(at, 2) ? Long.valueOf(this.data.getShort(this.offset + at) & 0xffff) : null;
		}

		/** A u64; counters this large are not reached, so the sign bit is left as is. */
		Long u64(int at) {
			return has(at, 8) ? this.data.getLong(this.offset + at) : null;
		}

	}

}
