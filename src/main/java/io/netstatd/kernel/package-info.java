/**
 * The readers of the kernel: sockets (sock_diag, procfs), procfs files, processes and
 * their descriptors, network namespaces, cgroups and containers, host names. They know
 * nothing of HTTP.
 */
package io.netstatd.kernel;
