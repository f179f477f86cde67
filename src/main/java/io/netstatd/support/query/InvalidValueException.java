package io.netstatd.support.query;

/**
 * A value, or one item of a list, that a parameter's type does not allow, thrown where
 * Spring converts the text. The error mapping names the parameter it was given for.
 */
public class InvalidValueException extends IllegalArgumentException {

	private final String value;

	private final String allowed;

	/**
	 * A value that is not allowed.
	 * @param value the value or list item, as given
	 * @param allowed what is allowed, in words: {@code ports from 0 to 65535 ...}
	 */
	public InvalidValueException(String value, String allowed) {
		super(allowed);
		this.value = value;
		this.allowed = allowed;
	}

	/**
	 * The value or list item, as given.
	 * @return the text
	 */
	public String value() {
		return this.value;
	}

	/**
	 * What is allowed, in words.
	 * @return the words the 400 problem's {@code allowed} says
	 */
	public String allowed() {
		return this.allowed;
	}

}
