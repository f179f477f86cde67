package io.netstatd.views.interfaces;

/**
 * An interface's flags as {@code netstat -i} spells them ({@code ife_print_short} in
 * net-tools): A allmulti, B broadcast, D debug, L loopback, M multicast, P promisc, N
 * notrailers, O noarp, P point-to-point, s slave, m master, R running, U up.
 */
final class InterfaceFlags {

	static final int IFF_UP = 0x1;

	static final int IFF_BROADCAST = 0x2;

	static final int IFF_DEBUG = 0x4;

	static final int IFF_LOOPBACK = 0x8;

	static final int IFF_POINTOPOINT = 0x10;

	static final int IFF_NOTRAILERS = 0x20;

	static final int IFF_RUNNING = 0x40;

	static final int IFF_NOARP = 0x80;

	static final int IFF_PROMISC = 0x100;

	static final int IFF_ALLMULTI = 0x200;

	static final int IFF_MASTER = 0x400;

	static final int IFF_SLAVE = 0x800;

	static final int IFF_MULTICAST = 0x1000;

	private InterfaceFlags() {
	}

	/**
	 * The flags {@code SIOCGIFFLAGS} answers, from sysfs: {@code flags} holds the ones
	 * set on the device; RUNNING is the kernel's to add ({@code dev_get_flags}) when the
	 * device is up and its operstate is up or unknown.
	 */
	static int withRunning(int flags, String operstate) {
		boolean operUp = "up".equals(operstate) || "unknown".equals(operstate);
		return ((flags & IFF_UP) != 0 && operUp) ? (flags | IFF_RUNNING) : (flags & ~IFF_RUNNING);
	}

	static String letters(int flags) {
		if (flags == 0) {
			return "[NO FLAGS]";
		}
		StringBuilder letters = new StringBuilder();
		append(letters, flags, IFF_ALLMULTI, 'A');
		append(letters, flags, IFF_BROADCAST, 'B');
		append(letters, flags, IFF_DEBUG, 'D');
		append(letters, flags, IFF_LOOPBACK, 'L');
		append(letters, flags, IFF_MULTICAST, 'M');
		append(letters, flags, IFF_PROMISC, 'P');
		append(letters, flags, IFF_NOTRAILERS, 'N');
		append(letters, flags, IFF_NOARP, 'O');
		append(letters, flags, IFF_POINTOPOINT, 'P');
		append(letters, flags, IFF_SLAVE, 's');
		append(letters, flags, IFF_MASTER, 'm');
		append(letters, flags, IFF_RUNNING, 'R');
		append(letters, flags, IFF_UP, 'U');
		return letters.toString();
	}

	private static void append(StringBuilder letters, int flags, int flag, char letter) {
		if ((flags & flag) != 0) {
			letters.append(letter);
		}
	}

}
