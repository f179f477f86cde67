package io.netstatd.views.counters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.support.query.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kernel's own counters: {@code netstat -s} and {@code ss -s}.
 */
@RestController
@Tag(name = "stats")
class CountersController {

	private final CountersRepository counters;

	private final NamespaceScanner namespaces;

	CountersController(CountersRepository counters, NamespaceScanner namespaces) {
		this.counters = counters;
		this.namespaces = namespaces;
	}

	@GetMapping("/stats/protocols")
	@Operation(summary = "Every protocol counter of the kernel (netstat -s, nstat -az)",
			description = "The counters of /proc/net/snmp, netstat and snmp6, grouped as the kernel groups them, "
					+ "under its own names, in its order; as text, in netstat -s's layout.")
	ProtocolCounters protocols(@ParameterObject CountersQuery query) {
		Path root = root(query.namespace());
		Counters all = (root != null) ? this.counters.protocols(root) : this.counters.protocols();
		return new ProtocolCounters(only(all, query.groups()), all.skipped());
	}

	@GetMapping("/stats/sockets")
	@Operation(summary = "Socket totals (ss -s, /proc/net/sockstat): cheap at any socket count, for frequent polling")
	SocketCounters sockets(@ParameterObject SocketCountersQuery query) {
		Path root = root(NamespaceChoice.orOwn(query.netns()));
		Counters sockets = (root != null) ? this.counters.sockets(root) : this.counters.sockets();
		return new SocketCounters(sockets.groups(), sockets.skipped());
	}

	/** Where the chosen namespace's tables are; null for the service's own. */
	private Path root(NamespaceChoice netns) {
		return (netns.kind() == NamespaceChoice.Kind.PID) ? this.namespaces.netRoot(netns.pid()) : null;
	}

	/**
	 * The groups asked for, in any case; a group this kernel lacks is a 400 that lists
	 * the ones it has.
	 */
	private static Map<String, Map<String, Long>> only(Counters all, Set<String> asked) {
		if (asked.isEmpty()) {
			return all.groups();
		}
		Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
		for (String name : asked) {
			String group = all.groups().keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
			if (group == null) {
				throw InvalidParameterException.invalidValue("protocol", name,
						"one or more of " + String.join(", ", all.groups().keySet()) + ", comma-separated");
			}
			groups.put(group, all.groups().get(group));
		}
		Map<String, Map<String, Long>> inKernelOrder = new LinkedHashMap<>();
		all.groups().forEach((name, counters) -> {
			if (groups.containsKey(name)) {
				inKernelOrder.put(name, counters);
			}
		});
		return inKernelOrder;
	}

}
