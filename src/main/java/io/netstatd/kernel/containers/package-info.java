/**
 * The container and pod behind a socket or a process: the container id and pod uid read
 * from a cgroup path as the container runtimes and the kubelet write it, the pod's
 * namespace and name from the kubelet's pod log directories.
 */
package io.netstatd.kernel.containers;
