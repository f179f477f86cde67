/**
 * The connections NAT rewrote, {@code /masquerade} ({@code netstat -M}, conntrack).
 */
package io.netstatd.views.masquerade;
