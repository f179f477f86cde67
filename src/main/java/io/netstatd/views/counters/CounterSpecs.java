package io.netstatd.views.counters;

import java.util.List;
import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.Param;
import io.netstatd.support.query.ParamTypes;
import io.netstatd.support.query.QuerySpec;

/**
 * The parameters of the counter endpoints, declared once.
 */
final class CounterSpecs {

	static final Param<Set<String>> PROTOCOL = Param.of("protocol", ParamTypes.names("counter groups"),
			"only these groups, comma-separated, as the kernel names them (case does not matter): Ip, Icmp, "
					+ "IcmpMsg, Tcp, Udp, UdpLite, TcpExt, IpExt, MPTcpExt, Ip6, Icmp6, Udp6, UdpLite6, as this "
					+ "kernel has them; all when absent. For example Tcp,TcpExt");

	/**
	 * {@code netns}, but a process's only: the kernel's counters are one namespace's
	 * each, and some (socket memory) are global, so added up across namespaces they would
	 * count twice.
	 */
	static final Param<NamespaceChoice> NETNS = NamespaceChoice.PARAM.describedAs(
			"the network namespace: a process id (the one that process lives in); the service's own when absent");

	private CounterSpecs() {
	}

	private static NamespaceChoice oneNamespace(Arguments arguments) {
		NamespaceChoice chosen = NamespaceChoice.of(arguments);
		if (chosen.all()) {
			throw new InvalidParameterException("netns",
					"The kernel's counters are asked one network namespace at a time: netns=all is for socket lists "
							+ "and state counts; /namespaces lists the namespaces and a process in each.",
					"a process id");
		}
		return chosen;
	}

	/** {@code /stats/protocols}. */
	static final class Protocols extends QuerySpec<CountersQuery> {

		Protocols() {
			super(List.of(PROTOCOL, NETNS, Format.PARAM),
					(arguments) -> new CountersQuery(arguments.get(PROTOCOL), oneNamespace(arguments)));
		}

	}

	/** {@code /stats/sockets}. */
	static final class Sockets extends QuerySpec<CountersQuery> {

		Sockets() {
			super(List.of(NETNS, Format.PARAM), (arguments) -> new CountersQuery(Set.of(), oneNamespace(arguments)));
		}

	}

}
