/**
 * Packets counted by address, the third recipe of the netstat page
 * ({@code tcpdump -tnn dst port 80 -c 1000 | ... | uniq -c}): an {@code AF_PACKET} socket
 * with a classic BPF program the kernel runs, a memory-mapped ring, no pcap library. Off
 * unless {@code netstatd.capture.enabled}.
 */
package io.netstatd.live.capture;
