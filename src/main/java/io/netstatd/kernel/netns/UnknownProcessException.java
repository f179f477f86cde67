package io.netstatd.kernel.netns;

/**
 * {@code netns=<pid>} names no process whose tables can be read: gone, or never there.
 * The caller's mistake, so a 400 naming {@code netns}.
 */
public class UnknownProcessException extends RuntimeException {

	private final int pid;

	UnknownProcessException(int pid) {
		super("No running process " + pid + " whose network tables can be read: netns takes the id of a running "
				+ "process, or all.", null, false, false);
		this.pid = pid;
	}

	/**
	 * The process asked for.
	 * @return its id
	 */
	public int pid() {
		return this.pid;
	}

}
