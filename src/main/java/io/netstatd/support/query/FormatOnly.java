package io.netstatd.support.query;

/**
 * The query of a view that takes the representation alone, bound from its query string.
 *
 * @param format json (the default), table (the text the replaced command prints; as
 * Accept: text/plain) or csv (as Accept: text/csv)
 */
public record FormatOnly(Format format) implements Formatted {

}
