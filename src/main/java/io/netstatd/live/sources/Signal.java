package io.netstatd.live.sources;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the kernel says about a flood, with the figures that said it. The kinds:
 * {@code accept-queue-full} (a listener of the port holds as many connections not yet
 * accepted as its backlog allows), {@code listen-overflows} (the host's ListenOverflows
 * or ListenDrops grew in the window), {@code syn-flood} (SYN cookies sent in the window,
 * or half-open SYN_RECV connections on the port above 100), {@code connection-flood} (one
 * source holds half or more of the port's connections, at least 20, or made half or more
 * of its closes in the window, at least 100).
 *
 * @param kind the kind
 * @param scope what it is about: a listener (address:port), a port, or host
 * @param detail what happened, for a person
 * @param value the figure that crossed its threshold
 */
@Schema(requiredProperties = { "kind", "scope", "detail", "value" })
public record Signal(String kind, String scope, String detail, double value) {

	/** The signal as one line of text. */
	String line() {
		return this.kind + " " + this.scope + ": " + this.detail;
	}

}
