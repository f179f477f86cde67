/**
 * The kernel's counters: {@code /stats/protocols} ({@code netstat -s}) and
 * {@code /stats/sockets} ({@code ss -s}), one parser per file.
 */
package io.netstatd.views.counters;
