package io.netstatd.kernel.netns;

import io.netstatd.kernel.process.ProcessIds;
import io.netstatd.support.query.InvalidValueException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which network namespaces a request reads ({@code netns}): the service's own (absent),
 * the one a process lives in ({@code netns=<pid>}, as {@code nsenter -t <pid> -n ss}
 * would), or every one ({@code netns=all}).
 *
 * @param kind which of the three
 * @param pid the process, for {@link Kind#PID}
 */
@Schema(type = "string", pattern = "^([0-9]+|all)$")
public record NamespaceChoice(Kind kind, int pid) {

	/** The service's own namespace. */
	public static final NamespaceChoice OWN = new NamespaceChoice(Kind.OWN, 0);

	/** Every namespace. */
	public static final NamespaceChoice ALL = new NamespaceChoice(Kind.ALL, 0);

	/** The three ways to choose. */
	public enum Kind {

		/** The service's own. */
		OWN,
		/** The one a process lives in. */
		PID,
		/** Every one, each read once. */
		ALL

	}

	/**
	 * What a request's {@code netns} chose: the service's own when absent.
	 * @param chosen the bound value, or null
	 * @return the choice
	 */
	public static NamespaceChoice orOwn(NamespaceChoice chosen) {
		return (chosen != null) ? chosen : OWN;
	}

	/**
	 * What a {@code netns} value says; Spring converts with it.
	 * @param value {@code all} or a process id
	 * @return the choice
	 * @throws InvalidValueException when it is neither
	 */
	public static NamespaceChoice valueOf(String value) {
		NamespaceChoice chosen = parse(value);
		if (chosen == null) {
			throw new InvalidValueException(value,
					"a process id (the network namespace that process lives in), or all");
		}
		return chosen;
	}

	/**
	 * The namespace {@code pid} lives in.
	 * @param pid a process id
	 * @return the choice
	 */
	public static NamespaceChoice of(int pid) {
		return new NamespaceChoice(Kind.PID, pid);
	}

	/**
	 * What a {@code netns} value says: {@code all} or a process id (in any case); null
	 * when it is neither.
	 * @param value the parameter's value
	 * @return the choice, or null
	 */
	public static NamespaceChoice parse(String value) {
		if (value.equalsIgnoreCase("all")) {
			return ALL;
		}
		int pid = ProcessIds.parse(value);
		return (pid > 0) ? of(pid) : null;
	}

	/**
	 * Whether every namespace is read, so rows carry the namespace they come from.
	 * @return whether this is {@code all}
	 */
	public boolean all() {
		return this.kind == Kind.ALL;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case OWN -> "own";
			case PID -> Integer.toString(this.pid);
			case ALL -> "all";
		};
	}

}
