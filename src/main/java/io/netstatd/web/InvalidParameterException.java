package io.netstatd.web;

/**
 * A query parameter with a value that is not allowed, or one the endpoint does not know.
 * A 400 for the caller, naming the parameter and what it allows.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	private final String allowed;

	public InvalidParameterException(String parameter, String detail, String allowed) {
		super(detail);
		this.parameter = parameter;
		this.allowed = allowed;
	}

	public String parameter() {
		return this.parameter;
	}

	public String allowed() {
		return this.allowed;
	}

}
