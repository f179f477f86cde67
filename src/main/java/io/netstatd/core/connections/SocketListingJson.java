package io.netstatd.core.connections;

import io.netstatd.kernel.names.SocketNames;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SockDiagDetails;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.support.inet.IpAddress;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Writes a {@link SocketListing} as its records' bean serialization would, field for
 * field and in the same order ({@code SocketListingJsonTests} holds the two equal), but
 * each row's columns straight to the generator. A list of 60,000 rows spent twice as long
 * in Jackson's unwrapping bean serializers (three levels of {@code @JsonUnwrapped}, an
 * address's text built per row) as in the kernel's dump; the nested objects a request
 * adds ({@code tcpInfo}, {@code memory}, owners, container) are still written by Jackson.
 */
@JacksonComponent
class SocketListingJson extends StdSerializer<SocketListing> {

	static final SerializableString TOTAL = name("total");

	static final SerializableString COUNT = name("count");

	static final SerializableString CONNECTIONS = name("connections");

	static final SerializableString SKIPPED = name("skipped");

	private static final SerializableString UNIX = name("unix");

	private static final SerializableString RESOLUTION = name("resolution");

	private static final SerializableString PROCESS_SCAN = name("processScan");

	private static final SerializableString PROTOCOL = name("protocol");

	private static final SerializableString LOCAL_ADDRESS = name("localAddress");

	private static final SerializableString LOCAL_PORT = name("localPort");

	private static final SerializableString REMOTE_ADDRESS = name("remoteAddress");

	private static final SerializableString REMOTE_PORT = name("remotePort");

	private static final SerializableString STATE = name("state");

	private static final SerializableString RECV_Q = name("recvQ");

	private static final SerializableString SEND_Q = name("sendQ");

	private static final SerializableString UID = name("uid");

	private static final SerializableString INODE = name("inode");

	private static final SerializableString TIMER = name("timer");

	private static final SerializableString KIND = name("kind");

	private static final SerializableString EXPIRES_SECONDS = name("expiresSeconds");

	private static final SerializableString RETRANSMITS = name("retransmits");

	private static final SerializableString PROBES = name("probes");

	private static final SerializableString COOKIE = name("cookie");

	private static final SerializableString MARK = name("mark");

	private static final SerializableString TCP_INFO = name("tcpInfo");

	private static final SerializableString MEMORY = name("memory");

	private static final SerializableString USER = name("user");

	private static final SerializableString LOCAL_HOST = name("localHost");

	private static final SerializableString LOCAL_SERVICE = name("localService");

	private static final SerializableString REMOTE_HOST = name("remoteHost");

	private static final SerializableString REMOTE_SERVICE = name("remoteService");

	private static final SerializableString PROCESSES = name("processes");

	private static final SerializableString NETNS = name("netns");

	private static final SerializableString CGROUP = name("cgroup");

	private static final SerializableString CONTAINER = name("container");

	/** The timer's kinds as JSON strings, quoted once. */
	private static final SerializableString[] KINDS = labels(SocketTimer.Kind.values());

	SocketListingJson() {
		super(SocketListing.class);
	}

	@Override
	public void serialize(SocketListing listing, JsonGenerator out, SerializationContext context) {
		out.writeStartObject(listing);
		out.writeName(TOTAL);
		out.writeNumber(listing.total());
		out.writeName(COUNT);
		out.writeNumber(listing.count());
		out.writeName(CONNECTIONS);
		out.writeStartArray(listing.connections(), listing.connections().size());
		// an address's dotted quad (15) or a cookie's hex digits (16), written from here
		char[] text = new char[16];
		for (ListedSocket row : listing.connections()) {
			writeRow(row, out, context, text);
		}
		out.writeEndArray();
		writeIfPresent(UNIX, listing.unix(), out, context);
		out.writeName(SKIPPED);
		context.writeValue(out, listing.skipped());
		writeIfPresent(RESOLUTION, listing.resolution(), out, context);
		writeIfPresent(PROCESS_SCAN, listing.processScan(), out, context);
		out.writeEndObject();
	}

	/**
	 * One row: {@link InetSocket}'s columns, its details, then what the request added.
	 */
	static void writeRow(ListedSocket row, JsonGenerator out, SerializationContext context, char[] text) {
		out.writeStartObject(row);
		writeColumns(row, out, context, text);
		out.writeEndObject();
	}

	/**
	 * A row's properties, in an object its caller opened: a list's row, or a stream's
	 * event, which adds its own after them.
	 */
	static void writeColumns(ListedSocket row, JsonGenerator out, SerializationContext context, char[] text) {
		InetSocket s = row.socket();
		out.writeName(PROTOCOL);
		out.writeString(s.protocol().label());
		out.writeName(LOCAL_ADDRESS);
		writeAddress(s.localAddress(), out, text);
		out.writeName(LOCAL_PORT);
		out.writeNumber(s.localPort());
		out.writeName(REMOTE_ADDRESS);
		writeAddress(s.remoteAddress(), out, text);
		out.writeName(REMOTE_PORT);
		out.writeNumber(s.remotePort());
		out.writeName(STATE);
		out.writeString(s.state().name());
		out.writeName(RECV_Q);
		out.writeNumber(s.recvQ());
		out.writeName(SEND_Q);
		out.writeNumber(s.sendQ());
		out.writeName(UID);
		out.writeNumber(s.uid());
		out.writeName(INODE);
		out.writeNumber(s.inode());
		out.writeName(TIMER);
		writeTimer(s.timer(), out);
		if (s.details() != null) {
			writeDetails(s.details(), out, context, text);
		}
		writeIfPresent(USER, row.user(), out, context);
		SocketNames names = row.names();
		if (names != null) {
			writeIfPresent(LOCAL_HOST, names.localHost(), out, context);
			writeIfPresent(LOCAL_SERVICE, names.localService(), out, context);
			writeIfPresent(REMOTE_HOST, names.remoteHost(), out, context);
			writeIfPresent(REMOTE_SERVICE, names.remoteService(), out, context);
		}
		writeIfPresent(PROCESSES, row.processes(), out, context);
		writeIfPresent(NETNS, row.netns(), out, context);
		writeIfPresent(CGROUP, row.cgroup(), out, context);
		writeIfPresent(CONTAINER, row.container(), out, context);
	}

	private static void writeTimer(SocketTimer timer, JsonGenerator out) {
		out.writeStartObject(timer);
		out.writeName(KIND);
		out.writeString(KINDS[timer.kind().ordinal()]);
		out.writeName(EXPIRES_SECONDS);
		out.writeNumber(timer.expiresSeconds());
		out.writeName(RETRANSMITS);
		out.writeNumber(timer.retransmits());
		out.writeName(PROBES);
		out.writeNumber(timer.probes());
		out.writeEndObject();
	}

	/**
	 * sock_diag's details, as {@link SockDiagDetails} unwraps: its cookie in the place of
	 * the ignored component it shows, then the rest where present.
	 */
	private static void writeDetails(SockDiagDetails details, JsonGenerator out, SerializationContext context,
			char[] text) {
		out.writeName(COOKIE);
		writeHex(details.cookie(), out, text);
		writeIfPresent(MARK, details.mark(), out, context);
		writeIfPresent(TCP_INFO, details.tcpInfo(), out, context);
		writeIfPresent(MEMORY, details.memory(), out, context);
	}

	/**
	 * An IPv4 address's dotted quad written from its bits, without the string its
	 * {@code toString} builds; IPv6 by its text.
	 */
	private static void writeAddress(IpAddress address, JsonGenerator out, char[] text) {
		if (!address.ipv4()) {
			out.writeString(address.toString());
			return;
		}
		long bits = address.low();
		int length = 0;
		for (int shift = 24; shift >= 0; shift -= 8) {
			int octet = (int) (bits >>> shift) & 0xff;
			if (octet >= 100) {
				text[length++] = (char) ('0' + octet / 100);
			}
			if (octet >= 10) {
				text[length++] = (char) ('0' + octet / 10 % 10);
			}
			text[length++] = (char) ('0' + octet % 10);
			if (shift > 0) {
				text[length++] = '.';
			}
		}
		out.writeString(text, 0, length);
	}

	/**
	 * {@link Long#toHexString}'s digits (as {@link SockDiagDetails#cookieText()} gives
	 * them) written without the string it builds.
	 */
	private static void writeHex(long value, JsonGenerator out, char[] text) {
		int length = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 3) / 4);
		long rest = value;
		for (int i = length - 1; i >= 0; i--) {
			text[i] = Character.forDigit((int) (rest & 0xf), 16);
			rest >>>= 4;
		}
		out.writeString(text, 0, length);
	}

	/**
	 * A property left out when null, as {@code JsonInclude.Include.NON_NULL} leaves it.
	 */
	static void writeIfPresent(SerializableString name, Object value, JsonGenerator out, SerializationContext context) {
		if (value instanceof String text) {
			out.writeName(name);
			out.writeString(text);
		}
		else if (value != null) {
			out.writeName(name);
			context.writeValue(out, value);
		}
	}

	static SerializableString name(String name) {
		return new SerializedString(name);
	}

	private static SerializableString[] labels(SocketTimer.Kind[] kinds) {
		SerializableString[] labels = new SerializableString[kinds.length];
		for (SocketTimer.Kind kind : kinds) {
			labels[kind.ordinal()] = name(kind.label());
		}
		return labels;
	}

}
