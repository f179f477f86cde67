package io.netstatd.support.query;

/**
 * A query that may name its representation ({@code format}); a record with a
 * {@code format} component is one by its accessor.
 */
public interface Formatted {

	/**
	 * The representation asked for.
	 * @return the format, or null when {@code Accept} decides
	 */
	Format format();

}
