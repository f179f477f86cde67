/**
 * The awk recipes: TCP state counts ({@code /stats/states}) and the peers with most
 * connections to a port ({@code /stats/top-ips}).
 */
package io.netstatd.core.stats;
