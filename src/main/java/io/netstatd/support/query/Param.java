package io.netstatd.support.query;

/**
 * One query parameter, declared once: its name, what it takes, its default, and what the
 * contract says of it.
 *
 * @param <T> the bound value's type
 * @param name the parameter's name in the query string
 * @param type what it takes and how it is read
 * @param defaultText the value it has when absent, as a client would write it; null for
 * none
 * @param description what it does, for the contract and Swagger UI
 */
public record Param<T>(String name, ParamType<T> type, String defaultText, String description) {

	/**
	 * A parameter without a default.
	 * @param <T> the bound value's type
	 * @param name its name
	 * @param type what it takes
	 * @param description what it does
	 * @return the parameter
	 */
	public static <T> Param<T> of(String name, ParamType<T> type, String description) {
		return new Param<>(name, type, null, description);
	}

	/**
	 * This parameter with a default.
	 * @param text the default, as a client would write it
	 * @return the parameter
	 */
	public Param<T> defaultsTo(String text) {
		this.type.parse(text);
		return new Param<>(this.name, this.type, text, this.description);
	}

	/**
	 * This parameter with another description, for an endpoint where it means more.
	 * @param text the description
	 * @return the parameter
	 */
	public Param<T> describedAs(String text) {
		return new Param<>(this.name, this.type, this.defaultText, text);
	}

	/** The value when the query string does not give one. */
	T absent() {
		return (this.defaultText != null) ? this.type.parse(this.defaultText) : this.type.absent();
	}

}
