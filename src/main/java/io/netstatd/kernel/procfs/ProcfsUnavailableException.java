package io.netstatd.kernel.procfs;

import java.nio.file.Path;

/**
 * A procfs file that must be there could not be read: procfs is not mounted where it is
 * configured, or the file is unreadable. A 503 for the caller, naming the file.
 */
public class ProcfsUnavailableException extends RuntimeException {

	private final transient Path file;

	private final String reason;

	public ProcfsUnavailableException(Path file, String reason, Throwable cause) {
		super("cannot read " + file + ": " + reason, cause);
		this.file = file;
		this.reason = reason;
	}

	/**
	 * Why, without the file's name.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	public Path file() {
		return this.file;
	}

}
