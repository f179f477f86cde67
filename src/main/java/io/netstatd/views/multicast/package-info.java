/**
 * Multicast group memberships, {@code /multicast} ({@code netstat -gn}).
 */
package io.netstatd.views.multicast;
