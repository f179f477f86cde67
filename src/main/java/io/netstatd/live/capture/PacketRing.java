package io.netstatd.live.capture;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * An {@code AF_PACKET} socket with a BPF program and a TPACKET_V3 ring: the kernel runs
 * the program on every packet of the interface, copies the few bytes of those it keeps
 * into blocks of memory this process maps, and hands over a block at a time (see the
 * kernel's Documentation/networking/packet_mmap.rst). The socket is made with protocol 0,
 * so nothing arrives before the program is attached and the ring mapped: no packet the
 * program would refuse is ever seen.
 */
final class PacketRing implements AutoCloseable {

	/** {@code TP_STATUS_USER}: the block is the reader's. */
	private static final int TP_STATUS_USER = 1;

	/** {@code TP_STATUS_KERNEL}: the block is given back. */
	private static final int TP_STATUS_KERNEL = 0;

	/**
	 * {@code struct tpacket_block_desc}: version, offset_to_priv, then tpacket_hdr_v1.
	 */
	private static final int BLOCK_STATUS = 8;

	private static final int BLOCK_PACKETS = 12;

	private static final int BLOCK_FIRST = 16;

	/** {@code struct tpacket3_hdr}. */
	private static final int TP_NEXT_OFFSET = 0;

	private static final int TP_SNAPLEN = 12;

	private static final int TP_LEN = 16;

	private static final int TP_NET = 26;

	/**
	 * The {@code struct sockaddr_ll} after the header, TPACKET_ALIGN(sizeof
	 * tpacket3_hdr).
	 */
	private static final int SLL = 48;

	private static final int SLL_IFINDEX = SLL + 4;

	private static final int SLL_PKTTYPE = SLL + 10;

	/** {@code PACKET_OUTGOING}: a packet this host sends. */
	static final int PACKET_OUTGOING = 4;

	private static final int FRAME_SIZE = 2048;

	/** How long a block partly filled waits before the kernel hands it over, ms. */
	private static final int BLOCK_TIMEOUT_MS = 20;

	private final int fd;

	private final Pointer ring;

	private final long ringSize;

	/** Each block, in the host's order: the kernel's headers. */
	private final ByteBuffer[] blocks;

	/** The same blocks in network order: the packets. */
	private final ByteBuffer[] packets;

	private int current;

	private PacketRing(int fd, Pointer ring, long ringSize, ByteBuffer[] blocks) {
		this.fd = fd;
		this.ring = ring;
		this.ringSize = ringSize;
		this.blocks = blocks;
		this.packets = new ByteBuffer[blocks.length];
		for (int i = 0; i < blocks.length; i++) {
			this.packets[i] = blocks[i].duplicate().order(ByteOrder.BIG_ENDIAN);
		}
	}

	/**
	 * Opens a ring on an interface.
	 * @param ifindex the interface, or 0 for every one
	 * @param program the program the kernel runs, for a packet starting at its network
	 * header
	 * @param blockSize the size of a block, a multiple of the page size
	 * @param blockCount how many blocks
	 * @return the open ring, receiving
	 * @throws CaptureNotPermittedException without {@code CAP_NET_RAW}
	 */
	static PacketRing open(int ifindex, BpfProgram program, int blockSize, int blockCount) {
		int fd;
		try {
			fd = PacketCalls.socket(PacketCalls.AF_PACKET, PacketCalls.SOCK_DGRAM | PacketCalls.SOCK_CLOEXEC, 0);
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == PacketCalls.EPERM || ex.getErrorCode() == PacketCalls.EACCES) {
				throw new CaptureNotPermittedException();
			}
			throw new CaptureFailedException("socket(AF_PACKET)", ex);
		}
		Pointer ring = null;
		long ringSize = (long) blockSize * blockCount;
		try {
			attach(fd, program);
			PacketCalls.setsockopt(fd, PacketCalls.SOL_PACKET, PacketCalls.PACKET_VERSION,
					new int[] { PacketCalls.TPACKET_V3 }, 4);
			int[] request = { blockSize, blockCount, FRAME_SIZE, (int) (ringSize / FRAME_SIZE), BLOCK_TIMEOUT_MS, 0,
					0 };
			PacketCalls.setsockopt(fd, PacketCalls.SOL_PACKET, PacketCalls.PACKET_RX_RING, request, request.length * 4);
			ring = PacketCalls.mmap(null, new NativeLong(ringSize), PacketCalls.PROT_READ | PacketCalls.PROT_WRITE,
					PacketCalls.MAP_SHARED, fd, new NativeLong(0));
			ByteBuffer[] blocks = new ByteBuffer[blockCount];
			for (int i = 0; i < blockCount; i++) {
				blocks[i] = ring.getByteBuffer((long) i * blockSize, blockSize).order(ByteOrder.nativeOrder());
			}
			PacketCalls.bind(fd, address(ifindex), 20);
			return new PacketRing(fd, ring, ringSize, blocks);
		}
		catch (LastErrorException ex) {
			if (ring != null) {
				PacketCalls.munmap(ring, new NativeLong(ringSize));
			}
			PacketCalls.close(fd);
			throw new CaptureFailedException("setting up the packet ring", ex);
		}
	}

	private static void attach(int fd, BpfProgram program) {
		ByteBuffer bytes = program.bytes();
		Memory instructions = new Memory(bytes.remaining());
		instructions.write(0, bytes.array(), 0, bytes.remaining());
		// struct sock_fprog: unsigned short len, then (aligned) struct sock_filter
		// *filter
		Memory fprog = new Memory(16);
		fprog.clear();
		fprog.setShort(0, (short) program.instructions().size());
		fprog.setPointer(8, instructions);
		PacketCalls.setsockopt(fd, PacketCalls.SOL_SOCKET, PacketCalls.SO_ATTACH_FILTER, fprog, 16);
	}

	/** {@code struct sockaddr_ll}: family, protocol (network order), ifindex. */
	private static byte[] address(int ifindex) {
		ByteBuffer address = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
		address.putShort((short) PacketCalls.AF_PACKET);
		address.order(ByteOrder.BIG_ENDIAN).putShort((short) PacketCalls.ETH_P_ALL);
		address.order(ByteOrder.nativeOrder()).putInt(ifindex);
		return address.array();
	}

	/**
	 * Hands the packets of the next block to {@code visitor}, waiting for it at most
	 * {@code timeoutMillis}.
	 * @param visitor what reads each packet; false stops at that packet
	 * @param timeoutMillis how long to wait for a block
	 * @return false when the visitor stopped, true otherwise (a block read, or none yet)
	 */
	boolean next(PacketVisitor visitor, int timeoutMillis) {
		ByteBuffer block = this.blocks[this.current];
		if ((block.getInt(BLOCK_STATUS) & TP_STATUS_USER) == 0) {
			waitForBlock(timeoutMillis);
			if ((block.getInt(BLOCK_STATUS) & TP_STATUS_USER) == 0) {
				return true;
			}
		}
		// the status is read before the packets it publishes
		VarHandle.acquireFence();
		boolean going = true;
		int packets = block.getInt(BLOCK_PACKETS);
		int at = block.getInt(BLOCK_FIRST);
		for (int i = 0; i < packets && going; i++) {
			int net = at + Short.toUnsignedInt(block.getShort(at + TP_NET));
			going = visitor.packet(this.packets[this.current], net, block.getInt(at + TP_SNAPLEN),
					block.getInt(at + TP_LEN), block.getInt(at + SLL_IFINDEX),
					Byte.toUnsignedInt(block.get(at + SLL_PKTTYPE)));
			at += block.getInt(at + TP_NEXT_OFFSET);
		}
		// the packets are read before the block goes back
		VarHandle.releaseFence();
		block.putInt(BLOCK_STATUS, TP_STATUS_KERNEL);
		this.current = (this.current + 1) % this.blocks.length;
		return going;
	}

	private void waitForBlock(int timeoutMillis) {
		int[] pollfd = { this.fd, PacketCalls.POLLIN | PacketCalls.POLLERR };
		try {
			PacketCalls.poll(pollfd, new NativeLong(1), timeoutMillis);
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() != PacketCalls.EINTR) {
				throw new CaptureFailedException("poll", ex);
			}
		}
	}

	/**
	 * The kernel's counts since the ring opened ({@code PACKET_STATISTICS}, read once:
	 * the kernel resets them when read).
	 * @return what the program accepted, and what of it found the ring full
	 */
	Statistics statistics() {
		int[] stats = new int[3];
		PacketCalls.getsockopt(this.fd, PacketCalls.SOL_PACKET, PacketCalls.PACKET_STATISTICS, stats, new int[] { 12 });
		// tpacket_stats_v3: tp_packets (drops included by getsockopt), tp_drops,
		// tp_freeze_q_cnt
		return new Statistics(Integer.toUnsignedLong(stats[0]), Integer.toUnsignedLong(stats[1]));
	}

	@Override
	public void close() {
		PacketCalls.munmap(this.ring, new NativeLong(this.ringSize));
		PacketCalls.close(this.fd);
	}

	/** Reads one packet of a block. */
	@FunctionalInterface
	interface PacketVisitor {

		/**
		 * One packet.
		 * @param block the block, in network order
		 * @param at where the packet's network header starts in it
		 * @param captured how many bytes of it are there
		 * @param length its length
		 * @param ifindex the interface it was seen on
		 * @param type {@code sll_pkttype}: host, outgoing...
		 * @return whether to go on
		 */
		boolean packet(ByteBuffer block, int at, int captured, int length, int ifindex, int type);

	}

	/**
	 * The kernel's counts.
	 *
	 * @param received packets the program accepted
	 * @param dropped of those, the ones that found no room in the ring
	 */
	record Statistics(long received, long dropped) {
	}

}
