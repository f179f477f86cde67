package io.netstatd.kernel.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.ProcfsUnavailableException;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.DeadlineExceededException;
import io.netstatd.support.text.Printable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Maps socket inodes to the processes holding them, as {@code netstat -p} and
 * {@code ss -p} do: every {@code <procfs root>/<pid>/fd/*} link that reads
 * {@code socket:[inode]}. Processes are walked in parallel. One that exits mid-walk is
 * skipped; one whose descriptors may not be read is counted as unreadable.
 */
@Component
public class ProcessScanner {

	private static final String SOCKET_PREFIX = "socket:[";

	/** How much of a command line is read. */
	private static final int COMMAND_LINE = 64 << 10;

	private static final ProcessSockets NONE = new ProcessSockets(null, Set.of());

	private final Path root;

	private final boolean commandLines;

	public ProcessScanner(ProcfsProperties properties, Properties processes) {
		this.root = properties.root();
		this.commandLines = processes.commandLines();
	}

	/**
	 * Whether owners carry their command lines
	 * ({@code netstatd.processes.command-lines}).
	 * @return whether they do
	 */
	public boolean commandLines() {
		return this.commandLines;
	}

	/**
	 * Walks every process once, stopping at the deadline.
	 * @throws DeadlineExceededException when the walk could not finish in time: owners
	 * half found would show sockets without the processes that hold them
	 */
	public ProcessScan scan(Deadline deadline) {
		List<Integer> pids = ProcessIds.list(this.root);
		AtomicInteger unreadable = new AtomicInteger();
		// past the deadline the remaining processes are passed over cheaply, so an
		// abandoned walk frees its threads at once
		Map<Long, List<SocketProcess>> byInode = pids.parallelStream()
			.map((pid) -> deadline.passed() ? NONE : sockets(pid, unreadable, deadline))
			.collect(HashMap::new, ProcessScanner::merge, ProcessScanner::mergeAll);
		deadline.check("finding the processes that hold sockets");
		byInode.values().forEach((owners) -> owners.sort(Comparator.comparingInt(SocketProcess::pid)));
		return new ProcessScan(byInode, pids.size(), unreadable.get());
	}

	/**
	 * One process's socket inodes, with the process; empty when it is gone or unreadable.
	 */
	private ProcessSockets sockets(int pid, AtomicInteger unreadable, Deadline deadline) {
		Path process = this.root.resolve(Integer.toString(pid));
		List<Path> fds = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(process.resolve("fd"))) {
			entries.forEach(fds::add);
		}
		catch (AccessDeniedException ex) {
			unreadable.incrementAndGet();
			return NONE;
		}
		catch (IOException ex) {
			// exited while walked
			return NONE;
		}
		// a server may hold tens of thousands of descriptors: its links are read in
		// parallel
		// too, so that one big process does not keep one core busy while the other idles;
		// a set, since a descriptor dup()ed in one process is still one owner
		Set<Long> inodes;
		try {
			inodes = fds.parallelStream()
				.filter((fd) -> !deadline.passed())
				.mapToLong(ProcessScanner::linkedSocketInode)
				.filter((inode) -> inode > 0)
				.boxed()
				.collect(Collectors.toSet());
		}
		catch (UncheckedIOException ex) {
			unreadable.incrementAndGet();
			return NONE;
		}
		if (inodes.isEmpty()) {
			return NONE;
		}
		return new ProcessSockets(process(pid, process), inodes);
	}

	/** The socket inode an fd link points to, or -1. */
	private static long linkedSocketInode(Path fd) {
		try {
			return socketInode(Files.readSymbolicLink(fd).toString());
		}
		catch (AccessDeniedException ex) {
			// another user's process, or a listable but unreadable fd directory: not ours
			throw new UncheckedIOException(ex);
		}
		catch (IOException ex) {
			// the descriptor was closed between listing and reading
			return -1;
		}
	}

	/** The process's name, and its command line when the configuration shows them. */
	private SocketProcess process(int pid, Path process) {
		try {
			byte[] cmdline = bytes(process.resolve("cmdline"));
			String name = processName(cmdline, new String(bytes(process.resolve("comm")), StandardCharsets.UTF_8));
			return new SocketProcess(pid, (name != null) ? name : "?", this.commandLines ? commandLine(cmdline) : null);
		}
		catch (ProcfsUnavailableException ex) {
			// exited meanwhile, or not a file a process has
			return new SocketProcess(pid, "?", null);
		}
	}

	/**
	 * The first 64 KiB of a process's file, read safely: a command line can be as long as
	 * the kernel lets argv be, and only its start is shown.
	 */
	private static byte[] bytes(Path file) {
		ProcFile content = ProcFile.readStart(file, COMMAND_LINE);
		return (content != null) ? Arrays.copyOf(content.data(), content.length()) : new byte[0];
	}

	/** argv joined by spaces, as ps shows it; control bytes escaped. */
	static String commandLine(byte[] cmdline) {
		int length = cmdline.length;
		while (length > 0 && cmdline[length - 1] == 0) {
			length--;
		}
		byte[] spaced = java.util.Arrays.copyOf(cmdline, length);
		for (int i = 0; i < length; i++) {
			if (spaced[i] == 0) {
				spaced[i] = ' ';
			}
		}
		return Printable.bytes(spaced, 0, length);
	}

	/** The inode of a {@code socket:[inode]} link target, or -1 for anything else. */
	static long socketInode(String target) {
		if (!target.startsWith(SOCKET_PREFIX) || !target.endsWith("]")) {
			return -1;
		}
		try {
			return Long.parseLong(target, SOCKET_PREFIX.length(), target.length() - 1, 10);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * A process's name, as {@code ss -p} gives it: {@code comm}, the kernel's name of the
	 * program (cut at 15 bytes); argv[0]'s base name instead only where it is that name
	 * untruncated (it begins with {@code comm} and has no space). Never text past the
	 * program's name: daemons rewrite argv[0] as a title ({@code sshd: deploy@pts/3},
	 * {@code postgres: checkpointer}), and {@code exec -a "app --api-key=..."} put a
	 * secret there, which the name showed while command lines were off.
	 * @param cmdline the process's {@code cmdline}
	 * @param comm its {@code comm}, or null when unread
	 * @return the name, or null when neither gives one
	 */
	static String processName(byte[] cmdline, String comm) {
		String program = (comm != null && !comm.isBlank()) ? comm.strip() : null;
		int end = 0;
		while (end < cmdline.length && cmdline[end] != 0) {
			end++;
		}
		String argv0 = new String(cmdline, 0, end, StandardCharsets.UTF_8);
		String base = argv0.substring(argv0.lastIndexOf('/') + 1);
		if (!base.isEmpty() && base.indexOf(' ') < 0 && program != null && base.startsWith(program)) {
			return base;
		}
		return program;
	}

	private static void merge(Map<Long, List<SocketProcess>> byInode, ProcessSockets sockets) {
		for (long inode : sockets.inodes()) {
			byInode.computeIfAbsent(inode, (i) -> new ArrayList<>(1)).add(sockets.process());
		}
	}

	private static void mergeAll(Map<Long, List<SocketProcess>> into, Map<Long, List<SocketProcess>> from) {
		from.forEach(
				(inode, owners) -> into.computeIfAbsent(inode, (i) -> new ArrayList<>(owners.size())).addAll(owners));
	}

	private record ProcessSockets(SocketProcess process, Set<Long> inodes) {

	}

	/**
	 * What owners show.
	 *
	 * @param commandLines {@code netstatd.processes.command-lines}: whether owners carry
	 * their command lines; off by default, since command lines hold passwords and tokens
	 */
	@ConfigurationProperties("netstatd.processes")
	public record Properties(@DefaultValue("false") boolean commandLines) {

	}

}
