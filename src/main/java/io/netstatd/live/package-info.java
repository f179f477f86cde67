/**
 * What watches the host over time: streams of changes, closes from the kernel's destroy
 * notices, the busiest connections, and packet capture.
 */
package io.netstatd.live;
