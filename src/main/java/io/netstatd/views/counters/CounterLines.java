package io.netstatd.views.counters;

/** What the counter parsers share: group names, words, values. */
final class CounterLines {

	private CounterLines() {
	}

	/**
	 * A counter's value: a decimal integer, signed (Tcp MaxConn is -1) up to 63 bits.
	 * @throws NumberFormatException when it is not one
	 */
	static long value(String text) {
		if (text.isEmpty() || text.length() > 20) {
			throw new NumberFormatException();
		}
		long value = (text.charAt(0) == '-') ? Long.parseLong(text) : Long.parseUnsignedLong(text);
		if (value < 0 && text.charAt(0) != '-') {
			// past 63 bits: JSON readers would lose it
			throw new NumberFormatException();
		}
		return value;
	}

	/** The group name before the first colon of a line, or null when there is none. */
	static String group(String line) {
		int colon = line.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String group = line.substring(0, colon);
		for (int i = 0; i < group.length(); i++) {
			if (!Character.isLetterOrDigit(group.charAt(i))) {
				return null;
			}
		}
		return group;
	}

	/** The words after the group's colon. */
	static String[] words(String line, String group) {
		String rest = line.substring(group.length() + 1).strip();
		return rest.isEmpty() ? new String[0] : rest.split("\\s+");
	}

}
