package io.netstatd.views.interfaces;

/**
 * One line of {@code /proc/net/dev}: an interface's sixteen counters, in the file's
 * order.
 *
 * @param name the interface
 * @param counters receive bytes, packets, errs, drop, fifo, frame, compressed, multicast;
 * transmit bytes, packets, errs, drop, fifo, colls, carrier, compressed
 */
public record DevCounters(String name, long[] counters) {

}
