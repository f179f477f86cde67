package io.netstatd.kernel.procfs;

/**
 * A line of a procfs file that does not have the kernel's shape: left out of the answer
 * and reported under {@code skipped}, never a failure of the request. The message is the
 * reason reported.
 */
public class MalformedLineException extends RuntimeException {

	public MalformedLineException(String reason) {
		super(reason, null, false, false);
	}

}
