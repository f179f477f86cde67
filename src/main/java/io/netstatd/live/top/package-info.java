/**
 * Which connections move the most right now: two sock_diag dumps an interval apart,
 * matched by cookie ({@code /top/connections}, tcptop without eBPF).
 */
package io.netstatd.live.top;
