package io.netstatd.live.capture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import io.netstatd.live.capture.BpfProgram.Instruction;

/**
 * Which packets a capture keeps, and the classic BPF program that keeps them: the same
 * program, instruction for instruction, that {@code tcpdump -dd} prints for
 * {@link #expression()}, so the kernel drops every other packet before it is copied. IPv4
 * and IPv6, as libpcap reads them: an IPv6 port or flag is looked for right after the
 * fixed header (no extension headers walked), an IPv4 fragment past the first has no
 * port.
 *
 * @param protocols TCP, UDP or both
 * @param port the port, or null for every packet of the protocols
 * @param direction whether the port is the destination (packets to it) or the source
 * @param syn only connection attempts: TCP with SYN and without ACK
 */
public record PacketFilter(Set<Transport> protocols, Integer port, Direction direction, boolean syn) {

	private static final int ETHERTYPE_IP = 0x0800;

	private static final int ETHERTYPE_IPV6 = 0x86dd;

	private static final int IPPROTO_FRAGMENT = 44;

	/** SYN and ACK in the TCP header's flags byte. */
	private static final int SYN_ACK = 0x12;

	private static final int SYN = 0x02;

	public PacketFilter {
		if (protocols.isEmpty()) {
			throw new IllegalArgumentException("no protocol to capture");
		}
		if (syn && protocols.contains(Transport.UDP)) {
			throw new IllegalArgumentException("connection attempts are TCP's");
		}
		protocols = Set.copyOf(EnumSet.copyOf(protocols));
	}

	/** Ordered as tcpdump's expression names them: TCP first. */
	private List<Transport> ordered() {
		return EnumSet.copyOf(this.protocols).stream().toList();
	}

	/**
	 * The tcpdump expression this filter is.
	 * @return the expression, as {@code tcpdump} takes it
	 */
	public String expression() {
		if (this.syn) {
			String tcp = (this.port != null) ? "tcp " + this.direction.word() + " port " + this.port : null;
			String ip6 = (tcp != null) ? tcp : "ip6[6] == 6";
			String ip = (tcp != null) ? tcp : "tcp";
			return "(ip6 and " + ip6 + " and ip6[53] & 0x12 == 2) or (ip and " + ip
					+ " and tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn)";
		}
		StringJoiner or = new StringJoiner(" or ");
		for (Transport transport : ordered()) {
			or.add((this.port != null) ? transport.word() + " " + this.direction.word() + " port " + this.port
					: transport.word());
		}
		return or.toString();
	}

	/**
	 * The program that keeps these packets, as tcpdump's optimiser writes it for
	 * {@link #expression()}.
	 * @param link the header before the network header
	 * @param snaplen how many bytes of a packet kept to copy
	 * @return the program
	 */
	public BpfProgram program(LinkType link, int snaplen) {
		Code code = new Code();
		if (this.port != null || this.syn) {
			byHeader(code, link);
		}
		else {
			byProtocol(code, link);
		}
		code.label("accept").op(Instruction.RET | Instruction.K, snaplen);
		code.label("reject").op(Instruction.RET | Instruction.K, 0);
		return code.program();
	}

	/**
	 * A port or the flags: IPv6 first (the port right after the fixed header), then IPv4
	 * (not a later fragment, the port after the header's own length).
	 */
	private void byHeader(Code code, LinkType link) {
		int l = link.headerLength();
		code.op(Instruction.LD | Instruction.H | Instruction.ABS, link.typeOffset());
		code.jeq(ETHERTYPE_IPV6, "next", "ipv4");
		code.op(Instruction.LD | Instruction.B | Instruction.ABS, l + 6);
		protocolChain(code, "ipv6.port");
		code.label("ipv6.port");
		if (this.port != null) {
			code.op(Instruction.LD | Instruction.H | Instruction.ABS, l + 40 + this.direction.portOffset());
			code.jeq(this.port, this.syn ? "next" : "accept", "reject");
		}
		if (this.syn) {
			code.op(Instruction.LD | Instruction.B | Instruction.ABS, l + 40 + 13);
			synTest(code);
		}
		code.label("ipv4").jeq(ETHERTYPE_IP, "next", "reject");
		code.op(Instruction.LD | Instruction.B | Instruction.ABS, l + 9);
		protocolChain(code, "ipv4.fragment");
		code.label("ipv4.fragment").op(Instruction.LD | Instruction.H | Instruction.ABS, l + 6);
		code.jump(Instruction.JSET, 0x1fff, "reject", "next");
		code.op(Instruction.LDX | Instruction.B | Instruction.MSH, l);
		if (this.port != null) {
			code.op(Instruction.LD | Instruction.H | Instruction.IND, l + this.direction.portOffset());
			code.jeq(this.port, this.syn ? "next" : "accept", "reject");
		}
		if (this.syn) {
			code.op(Instruction.LD | Instruction.B | Instruction.IND, l + 13);
			synTest(code);
		}
	}

	private void protocolChain(Code code, String matched) {
		List<Transport> ordered = ordered();
		for (int i = 0; i < ordered.size(); i++) {
			code.jeq(ordered.get(i).number(), matched, (i < ordered.size() - 1) ? "next" : "reject");
		}
	}

	private static void synTest(Code code) {
		code.op(Instruction.ALU | Instruction.AND | Instruction.K, SYN_ACK);
		code.jeq(SYN, "accept", "reject");
	}

	/**
	 * Every packet of the protocols: IPv4 first, then IPv6, where libpcap also looks past
	 * a fragment header; the protocols after the first are tested once, shared.
	 */
	private void byProtocol(Code code, LinkType link) {
		int l = link.headerLength();
		List<Transport> ordered = ordered();
		int first = ordered.get(0).number();
		String rest = (ordered.size() > 1) ? "rest" : "reject";
		code.op(Instruction.LD | Instruction.H | Instruction.ABS, link.typeOffset());
		code.jeq(ETHERTYPE_IP, "next", "ipv6");
		code.op(Instruction.LD | Instruction.B | Instruction.ABS, l + 9);
		code.jeq(first, "accept", rest);
		code.label("ipv6").jeq(ETHERTYPE_IPV6, "next", "reject");
		code.op(Instruction.LD | Instruction.B | Instruction.ABS, l + 6);
		code.jeq(first, "accept", "next");
		code.jeq(IPPROTO_FRAGMENT, "next", rest);
		code.op(Instruction.LD | Instruction.B | Instruction.ABS, l + 40);
		code.jeq(first, "accept", rest);
		for (int i = 1; i < ordered.size(); i++) {
			if (i == 1) {
				code.label("rest");
			}
			code.jeq(ordered.get(i).number(), "accept", (i < ordered.size() - 1) ? "next" : "reject");
		}
	}

	@Override
	public String toString() {
		return this.protocols.stream().map(Transport::word).collect(Collectors.joining(",")) + " " + expression();
	}

	/** A program under construction: jumps name their targets, resolved at the end. */
	private static final class Code {

		private final List<Object[]> ops = new ArrayList<>();

		private final Map<String, Integer> labels = new HashMap<>();

		Code label(String name) {
			this.labels.put(name, this.ops.size());
			return this;
		}

		Code op(int code, int k) {
			this.ops.add(new Object[] { code, null, null, k });
			return this;
		}

		Code jeq(int k, String whenTrue, String whenFalse) {
			return jump(Instruction.JEQ, k, whenTrue, whenFalse);
		}

		Code jump(int test, int k, String whenTrue, String whenFalse) {
			this.ops.add(new Object[] { Instruction.JMP | test | Instruction.K, whenTrue, whenFalse, k });
			return this;
		}

		BpfProgram program() {
			List<Instruction> instructions = new ArrayList<>(this.ops.size());
			for (int i = 0; i < this.ops.size(); i++) {
				Object[] op = this.ops.get(i);
				instructions.add(new Instruction((int) op[0], offset(i, (String) op[1]), offset(i, (String) op[2]),
						(int) op[3]));
			}
			return new BpfProgram(instructions);
		}

		private int offset(int from, String label) {
			if (label == null || label.equals("next")) {
				return 0;
			}
			Integer to = this.labels.get(label);
			if (to == null) {
				throw new IllegalStateException("no label " + label);
			}
			return to - from - 1;
		}

	}

}
