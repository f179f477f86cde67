package io.netstatd.views.counters;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;

/**
 * What {@code /stats/sockets} asks, bound from its query string.
 *
 * @param netns the network namespace: a process id (the one that process lives in); the
 * service's own when absent
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record SocketCountersQuery(NamespaceChoice netns, Format format) implements Formatted {

	SocketCountersQuery {
		CountersQuery.oneNamespace(netns);
	}

}
