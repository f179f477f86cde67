package io.netstatd.core.connections;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.names.Resolution;
import io.netstatd.kernel.names.SocketNames;
import io.netstatd.kernel.process.ProcessScan;
import io.netstatd.kernel.process.SocketProcess;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.SocketTimer;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code /connections} and {@code /listening}: the sockets a request
 * selected, with what it asked to add.
 *
 * @param total how many sockets matched
 * @param count how many sockets are listed: fewer than total when {@code limit} cut the
 * list
 * @param connections the sockets, in the kernel's order: tcp, tcp6, udp, udp6
 * @param skipped the procfs lines that could not be read
 * @param unix with {@code protocol=unix}: the Unix domain sockets (netstat -x), which
 * port, address, sort and limit do not apply to; with their owners when asked
 * @param resolution with {@code resolve=true}: whether every name was found in time
 * @param processScan with {@code processes=true}: how many processes were walked for
 * owners, and how many could not be read (their sockets show no owner)
 * @param podColumns whether the text forms have Pod and Container columns: when pods were
 * asked for ({@code pod=}, {@code podNamespace=}); JSON has each row's {@code container}
 * anyway
 */
@Schema(requiredProperties = { "total", "count", "connections", "skipped" })
public record SocketListing(int total, int count, List<ListedSocket> connections,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<ListedUnixSocket> unix, Skipped skipped,
		@JsonInclude(JsonInclude.Include.NON_NULL) Resolution resolution,
		@JsonInclude(JsonInclude.Include.NON_NULL) ProcessScan processScan,
		@JsonIgnore @Schema(hidden = true) boolean podColumns) implements TextView {

	/** A list whose text forms have no pod columns. */
	public SocketListing(int total, int count, List<ListedSocket> connections, List<ListedUnixSocket> unix,
			Skipped skipped, Resolution resolution, ProcessScan processScan) {
		this(total, count, connections, unix, skipped, resolution, processScan, false);
	}

	/**
	 * {@code netstat -antuWeo} (and {@code p} when owners were asked for), in netstat's
	 * column order: Proto, Recv-Q, Send-Q, Local Address, Foreign Address, State, User,
	 * Inode, PID/Program name, Timer; then the columns netstat has not: Pod and Container
	 * when pods were asked for, Netns when the rows come from several namespaces.
	 */
	@Override
	public String plain() {
		StringWriter text = new StringWriter();
		try {
			writePlain(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	@Override
	public void writePlain(Writer out) throws IOException {
		if (this.unix != null && this.connections.isEmpty()) {
			unixTable().writeAligned(out);
			return;
		}
		inetTable().writeAligned(out);
		if (this.unix != null) {
			// netstat -x prints its own table after the internet sockets'
			out.write('\n');
			unixTable().writeAligned(out);
		}
	}

	private TextTable inetTable() {
		boolean owners = this.processScan != null;
		boolean namespaces = namespaced();
		// netstat -antpeo's order; what netstat has not comes after it
		List<String> header = new ArrayList<>(
				List.of("Proto", "Recv-Q", "Send-Q", "Local Address", "Foreign Address", "State", "User", "Inode"));
		if (owners) {
			header.add("PID/Program name");
		}
		header.add("Timer");
		if (this.podColumns) {
			header.addAll(List.of("Pod", "Container"));
		}
		if (namespaces) {
			header.add("Netns");
		}
		return TextTable.of(header, this.connections, (row) -> {
			InetSocket s = row.socket();
			SocketNames n = row.names();
			Object[] cells = new Object[header.size()];
			cells[0] = s.protocol();
			cells[1] = s.recvQ();
			cells[2] = s.sendQ();
			cells[3] = endpoint(s.localAddress(), s.localPort(), (n != null) ? n.localHost() : null,
					(n != null) ? n.localService() : null);
			cells[4] = endpoint(s.remoteAddress(), s.remotePort(), (n != null) ? n.remoteHost() : null,
					(n != null) ? n.remoteService() : null);
			cells[5] = s.state();
			cells[6] = (row.user() != null) ? row.user() : s.uid();
			cells[7] = s.inode();
			int next = 8;
			if (owners) {
				cells[next++] = programs(row.processes(), "/", ",");
			}
			cells[next++] = timer(s.timer());
			if (this.podColumns) {
				cells[next++] = pod(row.container(), "-");
				cells[next++] = container(row.container(), "-");
			}
			if (namespaces) {
				cells[next] = row.netns();
			}
			return cells;
		}, (row) -> SsInfoLine.of(row.socket().details(), row.socket().state()));
	}

	/** The row's pod as {@code namespace/name}, its uid when the name is not known. */
	private static String pod(Container container, String none) {
		if (container == null || container.podUid() == null) {
			return none;
		}
		return (container.pod() != null) ? container.pod() : container.podUid();
	}

	/** The row's container by name, its id when the name is not known. */
	private static String container(Container container, String none) {
		if (container == null) {
			return none;
		}
		return (container.name() != null) ? container.name() : container.id();
	}

	/**
	 * {@code netstat -xa}: Proto, RefCnt, Flags, Type, State, I-Node, Path; with owners
	 * {@code netstat -xap}'s PID/Program name before Path.
	 */
	private TextTable unixTable() {
		boolean owners = this.processScan != null;
		List<String> header = new ArrayList<>(List.of("Proto", "RefCnt", "Flags", "Type", "State", "I-Node"));
		if (owners) {
			header.add("PID/Program name");
		}
		header.add("Path");
		return TextTable.of(header, this.unix, (row) -> {
			UnixSocket socket = row.socket();
			Object[] cells = new Object[header.size()];
			cells[0] = "unix";
			cells[1] = (socket.refCount() != null) ? socket.refCount() : "-";
			cells[2] = socket.listening() ? "[ ACC ]" : "[ ]";
			cells[3] = socket.type().name();
			cells[4] = (socket.state() == UnixSocket.State.UNCONNECTED) ? "" : socket.state();
			cells[5] = socket.inode();
			if (owners) {
				cells[6] = programs(row.processes(), "/", ",");
			}
			cells[header.size() - 1] = socket.path();
			return cells;
		});
	}

	/**
	 * CSV of the internet sockets, or of the Unix ones when they are all that was asked
	 * for.
	 */
	@Override
	public TextTable csv() {
		if (this.unix != null && this.connections.isEmpty()) {
			TextTable table = new TextTable("type", "state", "listening", "refCount", "inode", "path", "processes");
			this.unix.forEach((row) -> {
				UnixSocket s = row.socket();
				table.add(s.type().label(), s.state(), s.listening(), s.refCount(), s.inode(), s.path(),
						(row.processes() != null && !row.processes().isEmpty()) ? programs(row.processes(), "/", ";")
								: "");
			});
			return table;
		}
		boolean namespaces = namespaced();
		List<String> header = csvHeader(this.podColumns, namespaces);
		return TextTable.of(header, this.connections, (row) -> csvCells(row, this.podColumns, namespaces));
	}

	/**
	 * The CSV columns of the internet sockets.
	 * @param pods whether pods were asked for: {@code pod} and {@code container} columns
	 * @param namespaces whether the rows come from several namespaces
	 * @return the column names
	 */
	static List<String> csvHeader(boolean pods, boolean namespaces) {
		List<String> header = new ArrayList<>(List.of("protocol", "localAddress", "localPort", "remoteAddress",
				"remotePort", "state", "recvQ", "sendQ", "uid", "user", "inode", "timerKind", "timerExpiresSeconds",
				"timerRetransmits", "timerProbes", "processes"));
		if (pods) {
			header.addAll(List.of("pod", "container"));
		}
		if (namespaces) {
			header.add("netns");
		}
		return header;
	}

	/**
	 * A row's CSV cells, under {@link #csvHeader(boolean, boolean)}.
	 * @param row the row
	 * @param pods whether pods were asked for
	 * @param namespaces whether the rows come from several namespaces
	 * @return the cells
	 */
	static Object[] csvCells(ListedSocket row, boolean pods, boolean namespaces) {
		InetSocket s = row.socket();
		SocketTimer timer = s.timer();
		Object[] cells = { s.protocol(), s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort(), s.state(),
				s.recvQ(), s.sendQ(), s.uid(), orEmpty(row.user()), s.inode(), timer.kind().label(),
				timer.expiresSeconds(), timer.retransmits(), timer.probes(),
				(row.processes() != null && !row.processes().isEmpty()) ? programs(row.processes(), "/", ";") : "" };
		List<Object> all = new ArrayList<>(Arrays.asList(cells));
		if (pods) {
			all.add(pod(row.container(), ""));
			all.add(container(row.container(), ""));
		}
		if (namespaces) {
			all.add(row.netns());
		}
		return all.toArray();
	}

	/** Whether the rows come from several namespaces, each tagged with its own. */
	private boolean namespaced() {
		return this.connections.stream().anyMatch((row) -> row.netns() != null);
	}

	private static Object orEmpty(String text) {
		return (text != null) ? text : "";
	}

	/**
	 * {@code 127.0.0.1:80}, {@code :::22}, or by name {@code localhost:http}; port 0, no
	 * port at all, as {@code *}.
	 */
	private static String endpoint(IpAddress address, int port, String host, String service) {
		String shownPort = (port == 0) ? "*" : (service != null) ? service : Integer.toString(port);
		return ((host != null) ? host : address.toString()) + ":" + shownPort;
	}

	/**
	 * netstat -o: {@code keepalive (7.21/0/0)}; the seconds are whole hundredths (clock
	 * ticks), printed as {@code %.2f} would without a Formatter per row.
	 */
	static String timer(SocketTimer timer) {
		double seconds = timer.expiresSeconds();
		long hundredths = Math.round(Math.abs(seconds) * 100);
		long fraction = hundredths % 100;
		return timer.kind().label() + " (" + ((seconds < 0 && hundredths > 0) ? "-" : "") + (hundredths / 100) + "."
				+ ((fraction < 10) ? "0" : "") + fraction + "/" + timer.retransmits() + "/" + timer.probes() + ")";
	}

	private static String programs(List<SocketProcess> processes, String separator, String between) {
		if (processes.isEmpty()) {
			return "-";
		}
		StringBuilder text = new StringBuilder();
		for (SocketProcess process : processes) {
			text.append((text.length() > 0) ? between : "")
				.append(process.pid())
				.append(separator)
				.append(process.name());
		}
		return text.toString();
	}

}
