package io.netstatd.netns;

/**
 * Which network namespace a request reads: the service's own (no {@code netns}), the one
 * a process lives in ({@code netns=<pid>}, as {@code nsenter -t <pid> -n ss} would), or
 * every one ({@code netns=all}).
 *
 * @param kind which of the three
 * @param pid the process, for {@link Kind#PID}
 */
public record Netns(Kind kind, int pid) {

	public static final Netns OWN = new Netns(Kind.OWN, 0);

	public static final Netns ALL = new Netns(Kind.ALL, 0);

	/** The three ways to choose. */
	public enum Kind {

		OWN, PID, ALL

	}

	public boolean all() {
		return this.kind == Kind.ALL;
	}

}
