/**
 * netstatd: what netstat, ss and their awk recipes answer on Linux, as JSON, text and CSV
 * over HTTP. Packages by feature (connections, stats, counters, interfaces, routes,
 * multicast, masquerade, namespaces, streams, metrics) over the layers they share: the
 * bound query ({@code query}), the one read of sockets ({@code socket}, {@code netns}),
 * procfs ({@code procfs}), addresses ({@code inet}), the web layer ({@code web}).
 */
package io.netstatd;
