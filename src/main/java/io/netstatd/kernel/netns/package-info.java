/**
 * Which network namespaces a request reads, and how they are found: every process's
 * {@code /proc/<pid>/ns/net}.
 */
package io.netstatd.kernel.netns;
