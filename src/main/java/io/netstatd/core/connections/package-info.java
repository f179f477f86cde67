/**
 * The socket lists, {@code /connections} and {@code /listening} ({@code netstat -antu},
 * {@code ss -tlnp}), and their live stream.
 */
package io.netstatd.core.connections;
