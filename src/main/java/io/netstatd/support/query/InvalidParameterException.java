package io.netstatd.support.query;

/**
 * A query parameter with a value that is not allowed, one the endpoint does not know, or
 * values that do not go together: a 400 problem for the caller, naming the parameter and
 * what it allows.
 */
public class InvalidParameterException extends RuntimeException {

	private static final int MAX_ECHOED = 64;

	private final String parameter;

	private final String allowed;

	/**
	 * A parameter the caller got wrong.
	 * @param parameter its name
	 * @param detail what is wrong, for a person
	 * @param allowed what it allows
	 */
	public InvalidParameterException(String parameter, String detail, String allowed) {
		super(detail, null, false, false);
		this.parameter = parameter;
		this.allowed = allowed;
	}

	/**
	 * A value a parameter does not allow.
	 * @param parameter the parameter's name
	 * @param value the value, or the list item at fault
	 * @param allowed what the parameter allows
	 * @return the exception
	 */
	public static InvalidParameterException invalidValue(String parameter, String value, String allowed) {
		return new InvalidParameterException(parameter, "Invalid value '" + echo(value) + "' for parameter '"
				+ echo(parameter) + "': expected " + allowed + ".", allowed);
	}

	/**
	 * Client text as a problem may repeat it: control and non-ASCII characters escaped
	 * ({@code \\x0a}, {@code \\u00e9}), cut at 64 characters, so that no problem (nor a
	 * log line that quotes one) carries a forged line or a megabyte of input.
	 * @param text the text
	 * @return the text, escaped and cut
	 */
	public static String echo(String text) {
		StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_ECHOED) + 8);
		for (int i = 0; i < text.length(); i++) {
			if (i == MAX_ECHOED) {
				return shown.append("...").toString();
			}
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				shown.append(String.format("\\x%02x", (int) c));
			}
			else if (c > 0x7e) {
				shown.append(String.format("\\u%04x", (int) c));
			}
			else {
				shown.append(c);
			}
		}
		return shown.toString();
	}

	/**
	 * The parameter at fault.
	 * @return its name, escaped
	 */
	public String parameter() {
		return echo(this.parameter);
	}

	/**
	 * What it allows.
	 * @return the words
	 */
	public String allowed() {
		return this.allowed;
	}

}
