/**
 * The card's four endpoints: sockets listed ({@code /connections}, {@code /listening})
 * and counted ({@code /stats/states}, {@code /stats/top-ips}).
 */
package io.netstatd.core;
