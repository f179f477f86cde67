/**
 * Who is hammering a port: the netstat page's three recipes (connections by remote
 * address, closes, packets by source) and the kernel's own flood counters in one answer.
 */
package io.netstatd.live.sources;
