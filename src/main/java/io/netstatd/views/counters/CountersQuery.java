package io.netstatd.views.counters;

import java.util.Set;

import io.netstatd.kernel.netns.NamespaceChoice;

/**
 * What the counter endpoints ask for.
 *
 * @param groups the groups to keep, as asked (any case); empty for all
 * @param netns the namespace: the service's own, or a process's (never all)
 */
record CountersQuery(Set<String> groups, NamespaceChoice netns) {

}
