package io.netstatd.support.query;

/**
 * A value, or one item of a list, that a {@link ParamType} does not allow. The binder
 * turns it into an {@link InvalidParameterException} naming the parameter.
 */
public class InvalidValueException extends RuntimeException {

	private final String value;

	/**
	 * A value that is not allowed.
	 * @param value the value or list item, as given
	 */
	public InvalidValueException(String value) {
		super(null, null, false, false);
		this.value = value;
	}

	/**
	 * The value or list item, as given.
	 * @return the text
	 */
	public String value() {
		return this.value;
	}

}
