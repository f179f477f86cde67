package io.netstatd.views.routes;

/**
 * Route flags as netstat spells them: {@code inet_gr.c} for IPv4 (a reject route is
 * {@code !} whatever else it is) and {@code inet6_gr.c} for IPv6, in their orders.
 */
final class RouteFlags {

	private static final int RTF_UP = 0x0001;

	private static final int RTF_GATEWAY = 0x0002;

	private static final int RTF_HOST = 0x0004;

	private static final int RTF_REINSTATE = 0x0008;

	private static final int RTF_DYNAMIC = 0x0010;

	private static final int RTF_MODIFIED = 0x0020;

	private static final int RTF_MTU = 0x0040;

	private static final int RTF_WINDOW = 0x0080;

	private static final int RTF_IRTT = 0x0100;

	private static final int RTF_REJECT = 0x0200;

	private static final int RTF_NOTCACHED = 0x0400;

	private static final int RTF_DEFAULT = 0x0001_0000;

	private static final int RTF_ALLONLINK = 0x0002_0000;

	private static final int RTF_ADDRCONF = 0x0004_0000;

	private static final int RTF_NONEXTHOP = 0x0020_0000;

	private static final int RTF_EXPIRES = 0x0040_0000;

	private static final int RTF_CACHE = 0x0100_0000;

	private static final int RTF_FLOW = 0x0200_0000;

	private static final int RTF_POLICY = 0x0400_0000;

	private static final int RTF_LOCAL = 0x8000_0000;

	private RouteFlags() {
	}

	static String ipv4(int flags) {
		StringBuilder letters = new StringBuilder();
		append(letters, flags, RTF_UP, "U");
		append(letters, flags, RTF_GATEWAY, "G");
		if ((flags & RTF_REJECT) != 0) {
			// net-tools: strcpy(flags, "!")
			letters.setLength(0);
			letters.append('!');
		}
		append(letters, flags, RTF_HOST, "H");
		append(letters, flags, RTF_REINSTATE, "R");
		append(letters, flags, RTF_DYNAMIC, "D");
		append(letters, flags, RTF_MODIFIED, "M");
		append(letters, flags, RTF_DEFAULT, "d");
		append(letters, flags, RTF_ALLONLINK, "a");
		append(letters, flags, RTF_ADDRCONF, "c");
		append(letters, flags, RTF_NONEXTHOP, "o");
		append(letters, flags, RTF_EXPIRES, "e");
		append(letters, flags, RTF_CACHE, "c");
		append(letters, flags, RTF_FLOW, "f");
		append(letters, flags, RTF_POLICY, "p");
		append(letters, flags, RTF_LOCAL, "l");
		append(letters, flags, RTF_MTU, "u");
		append(letters, flags, RTF_WINDOW, "w");
		append(letters, flags, RTF_IRTT, "i");
		append(letters, flags, RTF_NOTCACHED, "n");
		return letters.toString();
	}

	static String ipv6(int flags) {
		StringBuilder letters = new StringBuilder();
		append(letters, flags, RTF_UP, "U");
		append(letters, flags, RTF_REJECT, "!");
		append(letters, flags, RTF_GATEWAY, "G");
		append(letters, flags, RTF_HOST, "H");
		append(letters, flags, RTF_DEFAULT, "D");
		append(letters, flags, RTF_ADDRCONF, "A");
		append(letters, flags, RTF_CACHE, "C");
		append(letters, flags, RTF_ALLONLINK, "a");
		append(letters, flags, RTF_EXPIRES, "e");
		append(letters, flags, RTF_MODIFIED, "m");
		append(letters, flags, RTF_NONEXTHOP, "n");
		append(letters, flags, RTF_FLOW, "f");
		return letters.toString();
	}

	private static void append(StringBuilder letters, int flags, int flag, String letter) {
		if ((flags & flag) != 0) {
			letters.append(letter);
		}
	}

}
