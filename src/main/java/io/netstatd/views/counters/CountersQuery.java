package io.netstatd.views.counters;

import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.netstatd.support.query.InvalidParameterException;
import io.netstatd.support.query.NameSet;

/**
 * What {@code /stats/protocols} asks, bound from its query string.
 *
 * @param protocol only these groups, comma-separated, as the kernel names them (case does
 * not matter): Ip, Icmp, IcmpMsg, Tcp, Udp, UdpLite, TcpExt, IpExt, MPTcpExt, Ip6, Icmp6,
 * Udp6, UdpLite6, as this kernel has them; all when absent. For example Tcp,TcpExt
 * @param netns the network namespace: a process id (the one that process lives in); the
 * service's own when absent
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record CountersQuery(NameSet protocol, NamespaceChoice netns, Format format) implements Formatted {

	CountersQuery {
		oneNamespace(netns);
	}

	/**
	 * The groups to keep, as asked (any case).
	 * @return the groups; empty for all
	 */
	Set<String> groups() {
		return NameSet.of(this.protocol);
	}

	/**
	 * The namespace: the service's own, or a process's.
	 * @return the choice
	 */
	NamespaceChoice namespace() {
		return NamespaceChoice.orOwn(this.netns);
	}

	/**
	 * The kernel's counters are one namespace's each, and some (socket memory) are
	 * global, so added up across namespaces they would count twice.
	 * @param netns the bound value, or null
	 */
	static void oneNamespace(NamespaceChoice netns) {
		if (netns != null && netns.all()) {
			throw new InvalidParameterException("netns",
					"The kernel's counters are asked one network namespace at a time: netns=all is for socket lists "
							+ "and state counts; /namespaces lists the namespaces and a process in each.",
					"a process id");
		}
	}

}
