package io.netstatd.support.inet;

/**
 * A port or an inclusive range of ports ({@code 80}, {@code 1024-65535}).
 *
 * @param from the first port
 * @param to the last port
 */
public record PortRange(int from, int to) {

	/**
	 * Parses {@code 80} or {@code 1024-65535}: plain decimals, 0 to 65535, from <= to; or
	 * null.
	 */
	public static PortRange parse(String text) {
		int dash = text.indexOf('-');
		int from = port((dash < 0) ? text : text.substring(0, dash));
		int to = (dash < 0) ? from : port(text.substring(dash + 1));
		return (from < 0 || to < 0 || from > to) ? null : new PortRange(from, to);
	}

	public boolean contains(int port) {
		return port >= this.from && port <= this.to;
	}

	@Override
	public String toString() {
		return (this.from == this.to) ? Integer.toString(this.from) : this.from + "-" + this.to;
	}

	private static int port(String text) {
		if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| (text.length() > 1 && text.charAt(0) == '0')) {
			return -1;
		}
		int port = Integer.parseInt(text);
		return (port > 65535) ? -1 : port;
	}

}
