package io.netstatd.live.capture;

import java.util.EnumSet;

/**
 * Opens a packet ring on lo and prints what happened: run by {@link CaptureTests} without
 * {@code CAP_NET_RAW}.
 */
public final class CaptureProbe {

	private CaptureProbe() {
	}

	public static void main(String[] args) {
		BpfProgram program = new PacketFilter(EnumSet.of(Transport.UDP), 9, Direction.DST, false)
			.program(LinkType.LINUX_SLL, PacketCapture.SNAPLEN)
			.cooked();
		try (PacketRing ring = PacketRing.open(1, program, CaptureProperties.BLOCK_SIZE, 2)) {
			System.out.println("opened");
		}
		catch (CaptureNotPermittedException ex) {
			System.out.println(ex.getMessage());
		}
	}

}
