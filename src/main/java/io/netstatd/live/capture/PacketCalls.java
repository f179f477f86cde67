package io.netstatd.live.capture;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls a packet socket and its ring need, bound with JNA's direct mapping.
 * Constants from linux/if_packet.h, linux/if_ether.h, asm-generic/socket.h.
 */
final class PacketCalls {

	static final int AF_PACKET = 17;

	static final int SOCK_DGRAM = 2;

	static final int SOCK_CLOEXEC = 0x80000;

	static final int SOL_SOCKET = 1;

	static final int SO_ATTACH_FILTER = 26;

	static final int SOL_PACKET = 263;

	static final int PACKET_RX_RING = 5;

	static final int PACKET_STATISTICS = 6;

	static final int PACKET_VERSION = 10;

	static final int TPACKET_V3 = 2;

	/** Every protocol, {@code ETH_P_ALL}. */
	static final int ETH_P_ALL = 0x0003;

	static final int PROT_READ = 1;

	static final int PROT_WRITE = 2;

	static final int MAP_SHARED = 1;

	static final int POLLIN = 1;

	static final int POLLERR = 8;

	static final int EPERM = 1;

	static final int EINTR = 4;

	static final int EACCES = 13;

	static {
		Native.register(Platform.C_LIBRARY_NAME);
	}

	private PacketCalls() {
	}

	static native int socket(int domain, int type, int protocol) throws LastErrorException;

	/** With an int option. */
	static native int setsockopt(int fd, int level, int option, int[] value, int length) throws LastErrorException;

	/** With a structure in native memory ({@code struct sock_fprog}). */
	static native int setsockopt(int fd, int level, int option, Pointer value, int length) throws LastErrorException;

	static native int getsockopt(int fd, int level, int option, int[] value, int[] length) throws LastErrorException;

	/** With a {@code struct sockaddr_ll}. */
	static native int bind(int fd, byte[] address, int length) throws LastErrorException;

	static native Pointer mmap(Pointer address, NativeLong length, int protection, int flags, int fd, NativeLong offset)
			throws LastErrorException;

	static native int munmap(Pointer address, NativeLong length);

	/**
	 * With one {@code struct pollfd}: the descriptor, then events and revents in one int.
	 */
	static native int poll(int[] pollfd, NativeLong count, int timeout) throws LastErrorException;

	static native int close(int fd);

}
