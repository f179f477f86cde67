package io.netstatd.web;

/**
 * What was asked for does not exist on this host (a kernel feature not loaded): a 404
 * problem that says so, rather than an empty answer that would read as "none".
 */
public class NotAvailableException extends RuntimeException {

	public NotAvailableException(String detail) {
		super(detail);
	}

}
