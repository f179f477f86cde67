package io.netstatd.live.sources;

import java.time.Duration;

import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.DurationRange;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.Formatted;
import io.netstatd.support.query.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /stats/sources} asks, bound from its query string: the port as on
 * {@code /stats/top-ips}, the window as on {@code /stats/closed}.
 *
 * @param port the local ports (services) asked about, or ranges of them, comma-separated:
 * for example 80, or 80,443; every port when absent
 * @param window how far back closes and the kernel's counters count: 1s to 10m, such as
 * 60s or 5m
 * @param limit how many sources to list, the highest score first; at equal scores, as
 * sort -rn breaks ties, the address whose text sorts last in bytes first
 * @param capture also capture the TCP packets to the port for this long (1s to 60s, such
 * as 2s) and count packets and SYNs per source; one port only, where capture is on
 * (netstatd.capture.enabled), one capture at a time
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
record SourcesQuery(PortSet port,
		@DurationRange(min = "1s", max = "10m") @Schema(pattern = "^[0-9]+(ms|s|m)?$",
				defaultValue = "60s") Duration window,
		@Schema(minimum = "0", maximum = "1000", defaultValue = "20") Integer limit,
		@DurationRange(min = "1s", max = "60s") @Schema(pattern = "^[0-9]+(ms|s|m)?$") Duration capture,
		Format format) implements Formatted {

	SourcesQuery {
		window = (window != null) ? window : Duration.ofSeconds(60);
		limit = (limit != null) ? limit : 20;
		if (capture != null && (port == null || port.single() == null)) {
			throw new InvalidParameterException("capture",
					"A capture counts the packets to one port: give port one port, not several or none.",
					"a duration such as 2s, with port set to one port");
		}
	}

	/** The one port asked, for the body; null for several or all. */
	Integer onePort() {
		return (this.port != null) ? this.port.single() : null;
	}

	boolean asks(int localPort) {
		return this.port == null || this.port.contains(localPort);
	}

}
