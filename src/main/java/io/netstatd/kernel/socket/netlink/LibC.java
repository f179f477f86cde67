package io.netstatd.kernel.socket.netlink;

import java.nio.ByteBuffer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * The few libc calls a netlink socket needs, bound with JNA's direct mapping (no proxy,
 * no copy of direct buffers).
 */
final class LibC {

	static final int AF_NETLINK = 16;

	static final int SOCK_RAW = 3;

	static final int SOCK_CLOEXEC = 0x80000;

	static final int NETLINK_SOCK_DIAG = 4;

	static final int SOL_SOCKET = 1;

	static final int SO_RCVTIMEO = 20;

	static final int SO_RCVBUF = 8;

	/** Past {@code rmem_max}: needs {@code CAP_NET_ADMIN}. */
	static final int SO_RCVBUFFORCE = 33;

	static final int ENOBUFS = 105;

	static final int EAGAIN = 11;

	/** {@code recv} flag: return at once with EAGAIN when nothing is queued. */
	static final int MSG_DONTWAIT = 0x40;

	static {
		Native.register(Platform.C_LIBRARY_NAME);
	}

	private LibC() {
	}

	static native int socket(int domain, int type, int protocol) throws LastErrorException;

	static native NativeLong sendto(int fd, ByteBuffer buffer, NativeLong length, int flags, byte[] address,
			int addressLength) throws LastErrorException;

	static native NativeLong recv(int fd, ByteBuffer buffer, NativeLong length, int flags) throws LastErrorException;

	/** With a {@code struct timeval}: two C longs, seconds and microseconds. */
	static native int setsockopt(int fd, int level, int option, long[] value, int length) throws LastErrorException;

	/** With an int option. */
	static native int setsockopt(int fd, int level, int option, int[] value, int length) throws LastErrorException;

	/** With a {@code struct sockaddr_nl}. */
	static native int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

	static native int close(int fd);

}
