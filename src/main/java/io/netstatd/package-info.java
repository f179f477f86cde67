/**
 * netstatd: what netstat, ss and their awk recipes answer on Linux, as JSON, text and CSV
 * over HTTP. The packages are its rooms, from the top down:
 * <ul>
 * <li>{@code core}: the four endpoints of the card, {@code /connections},
 * {@code /listening}, {@code /stats/states} and {@code /stats/top-ips};</li>
 * <li>{@code views}: netstat's other views (interfaces, routes, multicast groups,
 * masquerade, protocol counters, namespaces);</li>
 * <li>{@code live}: what watches over time (streams, closes, top, capture);</li>
 * <li>{@code export}: what other systems read (the Prometheus scrape, OTLP);</li>
 * <li>{@code web}: HTTP around them (problems, text forms, the contract, security);</li>
 * <li>{@code kernel}: the readers of the kernel (sock_diag, procfs, processes,
 * namespaces, cgroups), which know nothing of HTTP;</li>
 * <li>{@code support}: values and bounds every room shares (addresses, the bound query,
 * text tables, limits, roles, the report of skipped lines).</li>
 * </ul>
 * A room imports only rooms below it (held by {@code LayeringTests}); {@code web} knows
 * no feature: an exception carries its own status.
 */
package io.netstatd;
