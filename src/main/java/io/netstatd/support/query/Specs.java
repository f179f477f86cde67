package io.netstatd.support.query;

import java.util.List;

/**
 * Specs of endpoints whose only parameter is the representation.
 */
public final class Specs {

	private Specs() {
	}

	/** An endpoint that takes {@code format} alone. */
	public static final class FormatOnly extends QuerySpec<Void> {

		public FormatOnly() {
			super(List.of(Format.PARAM), (arguments) -> null);
		}

	}

}
