package io.netstatd.core.connections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.netstatd.kernel.cgroups.CgroupPaths;
import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.containers.Containers;
import io.netstatd.kernel.names.HostNameResolver;
import io.netstatd.kernel.names.HostNames;
import io.netstatd.kernel.names.Resolution;
import io.netstatd.kernel.names.ServiceNames;
import io.netstatd.kernel.names.SocketNames;
import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.process.ProcessScan;
import io.netstatd.kernel.process.ProcessScanner;
import io.netstatd.kernel.process.SocketProcess;
import io.netstatd.kernel.process.UserNames;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcfsTooLargeException;
import io.netstatd.kernel.procfs.ProcfsUnavailableException;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketDetail;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.access.Access;
import io.netstatd.support.access.Role;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.limits.MemoryBudget;
import io.netstatd.support.text.TextView;
import io.netstatd.views.counters.Counters;
import io.netstatd.views.counters.CountersRepository;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Builds the socket lists: the sockets a query selects, read once through the one read
 * path, narrowed by their owners when asked, sorted, cut at the limit, and each row given
 * what the query asked to add (user, names, owners, namespace).
 */
@Service
public class SocketListings {

	private static final long ROW_BYTES = 160;

	private static final long INFO_BYTES = 650;

	private static final long MEMORY_BYTES = 200;

	private static final long OWNER_BYTES = 100;

	private final SocketService sockets;

	private final ProcessScanner processes;

	private final UserNames users;

	private final HostNameResolver hosts;

	private final ServiceNames services;

	private final CgroupPaths cgroups;

	private final Containers containers;

	private final NamespaceScanner namespaces;

	/**
	 * Where owner walks run beside the socket read: as many threads as expensive requests
	 * may run at once, no more (a pool per request, or the JDK's fallback of a new thread
	 * per task on two cores, let failed requests pile walks up).
	 */
	private final Executor ownerWalks;

	private final MemoryBudget memory;

	private final CountersRepository counters;

	public SocketListings(SocketService sockets, ProcessScanner processes, UserNames users, HostNameResolver hosts,
			ServiceNames services, CgroupPaths cgroups, Containers containers, NamespaceScanner namespaces,
			MemoryBudget memory, CountersRepository counters, @Qualifier("owners") Executor ownerWalks) {
		this.memory = memory;
		this.counters = counters;
		this.namespaces = namespaces;
		this.sockets = sockets;
		this.processes = processes;
		this.users = users;
		this.hosts = hosts;
		this.services = services;
		this.cgroups = cgroups;
		this.containers = containers;
		this.ownerWalks = ownerWalks;
	}

	/**
	 * The answer to {@code query}: written row by row as the kernel's dump is parsed when
	 * nothing needs the rows whole ({@link SocketListQuery#writesAsRead()}), else the
	 * list gathered.
	 * @param query the bound query
	 * @param deadline the request's deadline
	 * @return the listing, written as read or gathered
	 */
	TextView answer(SocketListQuery query, Deadline deadline) {
		String privileged = query.privileged(this.processes.commandLines());
		if (privileged != null) {
			Access.require(Role.PRIVILEGED, privileged);
		}
		if (!query.writesAsRead()) {
			return list(query, deadline);
		}
		// past it already: a problem, while no byte of the body is written
		deadline.check("reading the sockets");
		ContainerCache containers = new ContainerCache(null, false);
		return new ListingAsRead((sink) -> this.sockets.each(query.selection(), query.details(), (socket) -> {
			if (!query.selectsByPod() || query.selects(containers.of(socket))) {
				sink.accept(socket);
			}
		}), row(query, null, null, containers), query.limit(), deadline, () -> list(query, deadline),
				this.sockets.skipsNoLines(query.selection()), query.selectsByPod());
	}

	/**
	 * The list {@code query} asks for, by {@code deadline}.
	 * @param query the bound query
	 * @param deadline the request's deadline; the owner walk and name lookups stop at it
	 * @return the listing
	 */
	SocketListing list(SocketListQuery query, Deadline deadline) {
		// owners are walked only when asked, once per request, while the sockets are
		// read;
		// the walk looks at the deadline, which ends with the request however it ends
		CompletableFuture<ProcessScan> owners = query.walksProcesses() ? walkOwners(deadline)
				: CompletableFuture.completedFuture(null);
		MemoryBudget.Reservation held = this.memory.reserve(expectedRows(query) * bytesPerRow(query), deadline);
		Parsed<InetSocket> read = this.sockets.read(query.selection(), query.netns(), query.details());
		Parsed<UnixSocket> unix = query.unix() ? this.sockets.unixSockets() : Parsed.empty();
		held.resize((read.rows().size() + unix.rows().size()) * bytesPerRow(query));
		deadline.check("reading the sockets");
		ProcessScan scan = join(owners);
		List<ListedUnixSocket> unixListed = query.unix() ? unixRows(unix.rows(), query, scan) : null;
		List<InetSocket> matching = ownedAsAsked(read.rows(), query, scan);
		ContainerCache containers = new ContainerCache(scan, query.netns().all());
		if (query.selectsByPod()) {
			matching = matching.stream().filter((socket) -> query.selects(containers.of(socket))).toList();
		}
		if (query.order() != null) {
			matching = matching.stream().sorted(query.order()).toList();
		}
		List<InetSocket> listed = (query.limit() != null && query.limit() < matching.size())
				? matching.subList(0, query.limit()) : matching;
		HostNames hostNames = query.resolve() ? this.hosts.resolve(addresses(listed), deadline) : null;
		List<ListedSocket> rows = rows(listed, query, scan, hostNames, containers);
		int unixCount = (unixListed != null) ? unixListed.size() : 0;
		Resolution resolution = (hostNames != null)
				? new Resolution(hostNames.unresolved() == 0, hostNames.unresolved()) : null;
		return new SocketListing(matching.size() + unixCount, rows.size() + unixCount, rows, unixListed,
				read.skipped().and(unix.skipped()), resolution, scan, query.selectsByPod());
	}

	/**
	 * The owner walk, on the {@code owners} pool: full (walks of earlier requests still
	 * ending past their deadline), a 503 like the bound on expensive requests.
	 */
	private CompletableFuture<ProcessScan> walkOwners(Deadline deadline) {
		try {
			return CompletableFuture.supplyAsync(() -> this.processes.scan(deadline), this.ownerWalks);
		}
		catch (RejectedExecutionException ex) {
			throw new ExpensiveRequests.TooBusyException();
		}
	}

	/**
	 * What a list holds for each row until it is written, as measured at 60,000 sockets
	 * (the heap after a full collection, a list held): the row with its addresses, timer
	 * and cookie; {@code tcp_info}'s record with its boxed fields; the memory's; an
	 * owner's entry in the walk.
	 */
	static long bytesPerRow(SocketListQuery query) {
		return ROW_BYTES + (query.details().contains(SocketDetail.INFO) ? INFO_BYTES : 0)
				+ (query.details().contains(SocketDetail.MEMORY) ? MEMORY_BYTES : 0)
				+ (query.walksProcesses() ? OWNER_BYTES : 0);
	}

	/**
	 * The rows a read of the service's own namespace may give, before it is made;
	 * listeners alone are few. Other namespaces, or totals that cannot be read: none, and
	 * the list reserves what it holds once read.
	 */
	private long expectedRows(SocketListQuery query) {
		if (query.netns().kind() != NamespaceChoice.Kind.OWN
				|| query.selection().kernelStates().equals(Set.of(SocketState.LISTEN))) {
			return 0;
		}
		try {
			return expectedRows(this.counters.sockets(), query.selection().protocols());
		}
		catch (ProcfsUnavailableException | ProcfsTooLargeException ex) {
			return 0;
		}
	}

	/**
	 * The kernel's totals of {@code protocols}' tables ({@code /proc/net/sockstat},
	 * {@code sockstat6}: {@code inuse}, all states but TIME_WAIT, and {@code tw}, which
	 * sockstat prints once, on its TCP line), a total this kernel does not print as none.
	 * @param totals the socket counters
	 * @param protocols the tables a list reads
	 * @return how many rows the read may give
	 */
	static long expectedRows(Counters totals, Set<Protocol> protocols) {
		long rows = 0;
		rows += protocols.contains(Protocol.TCP) ? total(totals, "TCP", "inuse") + total(totals, "TCP", "tw") : 0;
		rows += protocols.contains(Protocol.TCP6) ? total(totals, "TCP6", "inuse") : 0;
		rows += protocols.contains(Protocol.UDP) ? total(totals, "UDP", "inuse") : 0;
		rows += protocols.contains(Protocol.UDP6) ? total(totals, "UDP6", "inuse") : 0;
		return rows;
	}

	private static long total(Counters totals, String group, String name) {
		return Math.max(0, totals.value(group, name));
	}

	/** The sockets held by the processes the query names; all when it names none. */
	private static List<InetSocket> ownedAsAsked(List<InetSocket> sockets, SocketListQuery query, ProcessScan scan) {
		if (query.pids().isEmpty() && query.programs().isEmpty()) {
			return sockets;
		}
		return sockets.stream()
			.filter((socket) -> scan.owners(socket.inode()).stream().anyMatch((owner) -> named(owner, query)))
			.toList();
	}

	/**
	 * The Unix sockets the query selects (listeners alone for {@code /listening}; those
	 * of the processes it names), each with its owners when they were walked.
	 */
	private static List<ListedUnixSocket> unixRows(List<UnixSocket> sockets, SocketListQuery query, ProcessScan scan) {
		boolean byOwner = !query.pids().isEmpty() || !query.programs().isEmpty();
		return sockets.stream()
			.filter((socket) -> !query.selection().listeningOnly() || socket.listening())
			.filter((socket) -> !byOwner
					|| scan.owners(socket.inode()).stream().anyMatch((owner) -> named(owner, query)))
			.map((socket) -> new ListedUnixSocket(socket, (scan != null) ? scan.owners(socket.inode()) : null))
			.toList();
	}

	private static boolean named(SocketProcess owner, SocketListQuery query) {
		return (query.pids().isEmpty() || query.pids().contains(owner.pid()))
				&& (query.programs().isEmpty() || query.programs().contains(owner.name()));
	}

	/**
	 * The rows, made as the response writes them ({@link RowsAsWritten}).
	 */
	private List<ListedSocket> rows(List<InetSocket> listed, SocketListQuery query, ProcessScan scan,
			HostNames hostNames, ContainerCache containers) {
		return new RowsAsWritten<>(listed, row(query, scan, hostNames, containers));
	}

	/**
	 * How a socket's row is made; what rows look up (user names, services, containers) is
	 * read once per list, not once per row.
	 */
	private Function<InetSocket, ListedSocket> row(SocketListQuery query, ProcessScan scan, HostNames hostNames,
			ContainerCache containers) {
		Map<Long, String> userNames = this.users.names();
		ServiceNames.Snapshot serviceNames = (hostNames != null) ? this.services.current() : null;
		boolean everyNamespace = query.netns().all();
		return (socket) -> new ListedSocket(socket, userNames.get(socket.uid()), names(socket, hostNames, serviceNames),
				(scan != null) ? scan.owners(socket.inode()) : null,
				(everyNamespace && socket.netns() != 0) ? socket.netns() : null, cgroup(socket), containers.of(socket));
	}

	private String cgroup(InetSocket socket) {
		Long id = (socket.details() != null) ? socket.details().cgroupId() : null;
		return (id != null) ? this.cgroups.path(id) : null;
	}

	/** The owner walk's answer; its own deadline bounds the wait. */
	private static ProcessScan join(CompletableFuture<ProcessScan> owners) {
		try {
			return owners.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static List<IpAddress> addresses(List<InetSocket> sockets) {
		List<IpAddress> addresses = new ArrayList<>(sockets.size() * 2);
		for (InetSocket socket : sockets) {
			addresses.add(socket.localAddress());
			addresses.add(socket.remoteAddress());
		}
		return addresses;
	}

	private static SocketNames names(InetSocket socket, HostNames hostNames, ServiceNames.Snapshot services) {
		if (hostNames == null) {
			return null;
		}
		return new SocketNames(hostNames.name(socket.localAddress()),
				services.name(socket.localPort(), socket.protocol()), hostNames.name(socket.remoteAddress()),
				services.name(socket.remotePort(), socket.protocol()));
	}

	/**
	 * The containers of one list's rows, each cgroup and process looked up once: from the
	 * socket's cgroup (sock_diag), else its first owner's (when owners were walked).
	 */
	private final class ContainerCache {

		private final ProcessScan scan;

		private final Map<String, Optional<Container>> byCgroup = new HashMap<>();

		private final Map<Integer, Optional<Container>> byProcess = new HashMap<>();

		private final boolean everyNamespace;

		private Map<Long, Optional<Container>> byNamespace;

		ContainerCache(ProcessScan scan, boolean everyNamespace) {
			this.scan = scan;
			this.everyNamespace = everyNamespace;
		}

		Container of(InetSocket socket) {
			String path = cgroup(socket);
			if (path != null) {
				Optional<Container> found = this.byCgroup.computeIfAbsent(path,
						(p) -> Optional.ofNullable(SocketListings.this.containers.ofCgroup(p)));
				if (found.isPresent()) {
					return found.get();
				}
			}
			if (this.scan != null) {
				List<SocketProcess> owners = this.scan.owners(socket.inode());
				if (!owners.isEmpty()) {
					return this.byProcess
						.computeIfAbsent(owners.get(0).pid(),
								(pid) -> Optional.ofNullable(SocketListings.this.containers.ofProcess(pid)))
						.orElse(null);
				}
			}
			if (this.everyNamespace && socket.netns() != 0) {
				return pod(socket.netns());
			}
			return null;
		}

		/**
		 * The pod of a network namespace, when its processes are one pod's (a pod's
		 * containers share one): what a row of another namespace read without owners
		 * carries, without a container id.
		 */
		private Container pod(long netns) {
			if (this.byNamespace == null) {
				this.byNamespace = new HashMap<>();
				SocketListings.this.namespaces.scan().pids().forEach((inode, pids) -> {
					Set<String> uids = new HashSet<>();
					Container any = null;
					for (int pid : pids) {
						Container container = this.byProcess
							.computeIfAbsent(pid,
									(p) -> Optional.ofNullable(SocketListings.this.containers.ofProcess(p)))
							.orElse(null);
						uids.add((container != null) ? container.podUid() : null);
						any = (container != null) ? container : any;
					}
					this.byNamespace.put(inode,
							(uids.size() == 1 && any != null && any.podUid() != null)
									? Optional
										.of(new Container(null, null, any.podUid(), any.podName(), any.podNamespace()))
									: Optional.empty());
				});
			}
			return this.byNamespace.getOrDefault(netns, Optional.empty()).orElse(null);
		}

	}

}
