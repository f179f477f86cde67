/**
 * The routing tables, {@code /routes} ({@code netstat -rn}, {@code -6rn}).
 */
package io.netstatd.views.routes;
