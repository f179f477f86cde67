/**
 * Connections closed in the last minutes, from the kernel's destroy notices: who
 * connected, which no snapshot can tell ({@code /stats/closed}).
 */
package io.netstatd.live.closed;
