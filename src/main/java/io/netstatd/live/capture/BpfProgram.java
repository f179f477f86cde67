package io.netstatd.live.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A classic BPF program ({@code struct sock_filter[]}, linux/filter.h), as the kernel
 * runs it on a socket and as {@code tcpdump -dd} prints it.
 *
 * @param instructions the instructions, in order
 */
public record BpfProgram(List<Instruction> instructions) {

	/**
	 * {@code SKF_AD_OFF}: loads at or past it read the kernel's metadata, not the packet.
	 */
	static final int SKF_AD_OFF = -0x1000;

	/** {@code SKF_AD_PROTOCOL}: the packet's ethertype, {@code skb->protocol}. */
	static final int SKF_AD_PROTOCOL = 0;

	/** {@code SKF_AD_PKTTYPE}: host, broadcast, outgoing... */
	static final int SKF_AD_PKTTYPE = 4;

	private static final int SLL_HDR_LEN = LinkType.LINUX_SLL.headerLength();

	public BpfProgram {
		instructions = List.copyOf(instructions);
	}

	/**
	 * This program, compiled for Linux's cooked header ({@code LINUX_SLL}), made to run
	 * on a {@code SOCK_DGRAM} packet socket, where the packet starts at its network
	 * header: what libpcap's {@code fix_program} does for {@code tcpdump -i any}. Loads
	 * past the 16-byte cooked header move back by 16; the cooked header's protocol and
	 * packet type become the kernel's ancillary loads.
	 * @return the program the kernel runs
	 * @throws IllegalArgumentException for a load of another field of the cooked header,
	 * which the kernel does not have
	 */
	public BpfProgram cooked() {
		List<Instruction> fixed = new ArrayList<>(this.instructions.size());
		for (Instruction instruction : this.instructions) {
			fixed.add(instruction.readsPacket() ? instruction.withK(cookedOffset(instruction.k())) : instruction);
		}
		return new BpfProgram(fixed);
	}

	private static int cookedOffset(int k) {
		if (k < 0) {
			return k; // already ancillary data (k >= SKF_AD_OFF, unsigned)
		}
		if (k >= SLL_HDR_LEN) {
			return k - SLL_HDR_LEN;
		}
		if (k == 0) {
			return SKF_AD_OFF + SKF_AD_PKTTYPE;
		}
		if (k == 14) {
			return SKF_AD_OFF + SKF_AD_PROTOCOL;
		}
		throw new IllegalArgumentException("byte " + k + " of the cooked header has no kernel equivalent");
	}

	/**
	 * As {@code tcpdump -dd} prints it: one {@code { code, jt, jf, k },} line per
	 * instruction.
	 * @return the C array's lines
	 */
	public String dd() {
		StringJoiner lines = new StringJoiner("\n", "", "\n");
		for (Instruction instruction : this.instructions) {
			lines.add(String.format("{ 0x%x, %d, %d, 0x%08x },", instruction.code(), instruction.jt(), instruction.jf(),
					instruction.k()));
		}
		return lines.toString();
	}

	/**
	 * The program as the kernel reads it: 8 bytes per instruction, host byte order.
	 * @return the bytes of the {@code struct sock_filter} array
	 */
	public ByteBuffer bytes() {
		ByteBuffer buffer = ByteBuffer.allocate(this.instructions.size() * 8).order(ByteOrder.nativeOrder());
		for (Instruction instruction : this.instructions) {
			buffer.putShort((short) instruction.code())
				.put((byte) instruction.jt())
				.put((byte) instruction.jf())
				.putInt(instruction.k());
		}
		return buffer.flip();
	}

	/**
	 * One instruction, {@code struct sock_filter}.
	 *
	 * @param code the opcode (class, size, mode or operation, source)
	 * @param jt how many instructions to skip when a jump's test holds
	 * @param jf how many to skip when it does not
	 * @param k the constant: an offset, a value, a length
	 */
	public record Instruction(int code, int jt, int jf, int k) {

		static final int LD = 0x00;

		static final int LDX = 0x01;

		static final int ALU = 0x04;

		static final int JMP = 0x05;

		static final int RET = 0x06;

		static final int W = 0x00;

		static final int H = 0x08;

		static final int B = 0x10;

		static final int ABS = 0x20;

		static final int IND = 0x40;

		static final int MSH = 0xa0;

		static final int AND = 0x50;

		static final int JEQ = 0x10;

		static final int JSET = 0x40;

		static final int K = 0x00;

		public Instruction {
			if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
				throw new IllegalArgumentException("a jump reaches at most 255 instructions ahead");
			}
		}

		Instruction withK(int newK) {
			return new Instruction(this.code, this.jt, this.jf, newK);
		}

		/** A load from the packet: absolute, indirect, or the IP header length form. */
		boolean readsPacket() {
			int cls = this.code & 0x07;
			int mode = this.code & 0xe0;
			return (cls == LD || cls == LDX) && (mode == ABS || mode == IND || mode == MSH);
		}

	}

}
