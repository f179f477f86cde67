package io.netstatd.support.query;

import java.util.Locale;

/**
 * The representation a client asks for with {@code format}, for callers that cannot set
 * {@code Accept} (a browser's address bar, some dashboards); absent, {@code Accept}
 * decides, and JSON is the default.
 */
public enum Format {

	/** The JSON body. */
	JSON,

	/** The text the replaced command prints: a netstat table, the awk recipe's lines. */
	TABLE,

	/** One row per item under a header row (RFC 4180). */
	CSV;

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
