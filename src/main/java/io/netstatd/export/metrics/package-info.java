/**
 * The host's sockets as Prometheus metrics, one snapshot per scrape.
 */
package io.netstatd.export.metrics;
