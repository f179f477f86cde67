/**
 * Live Server-Sent Events streams, bounded: {@code netstat -c}, {@code ss -E}.
 */
package io.netstatd.live.streams;
