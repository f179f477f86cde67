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

	/** {@code format}, which every view takes, declared once here. */
	public static final Param<Format> PARAM = Param.of("format", ParamTypes.oneOf(values()),
			"json (the default), table (the text the replaced command prints; as Accept: text/plain) or csv "
					+ "(as Accept: text/csv)");

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
