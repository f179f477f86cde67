/**
 * What every room shares and that reads nothing of the kernel: addresses and ports, the
 * bound query, text tables, limits and the memory budget, roles, the report of skipped
 * lines.
 */
package io.netstatd.support;
