/**
 * Control groups: which cgroup v2 a socket was made in, by path.
 */
package io.netstatd.kernel.cgroups;
