package io.netstatd.kernel.socket;

import io.netstatd.support.inet.PortSet;

/**
 * The ports a source may filter on before a selection sees its rows: sock_diag hands them
 * to the kernel, which then leaves the other sockets out of its answer (as
 * {@code ss 'sport = :80'} does); procfs has no such filter and ignores them. The
 * selection checks every row again, so a source may filter less, never more.
 *
 * @param either ports on either side, or null
 * @param local local ports, or null
 * @param remote remote ports, or null
 */
public record PortFilter(PortSet either, PortSet local, PortSet remote) {

	/** No port asked for. */
	public static final PortFilter NONE = new PortFilter(null, null, null);

}
