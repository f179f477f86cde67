package io.netstatd.kernel.procfs;

import java.nio.file.Path;

/**
 * A procfs file holds more than the service reads of its kind: a 507 problem naming the
 * file, rather than a heap the service would run out of. No real host comes near the
 * limits (see {@link ProcFile}); a hostile or broken procfs root does.
 */
public class ProcfsTooLargeException extends RuntimeException {

	private final transient Path file;

	ProcfsTooLargeException(Path file, int limit) {
		super(file + " holds more than " + (limit >> 20) + " MiB, more than the service reads of such a file", null,
				false, false);
		this.file = file;
	}

	/**
	 * The file.
	 * @return its path
	 */
	public Path file() {
		return this.file;
	}

}
