package io.netstatd.views.counters;

import java.util.Map;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code ss -s}: the kernel's socket totals from {@code /proc/net/sockstat} and
 * {@code sockstat6}. Two small files, whatever the number of sockets: the view to poll
 * often.
 *
 * @param sockets totals by group ({@code sockets}, {@code TCP}, {@code UDP},
 * {@code TCP6}, ...): {@code inuse}, {@code orphan}, {@code tw} (TIME_WAIT),
 * {@code alloc}, {@code mem} (in pages), as the kernel names them
 * @param skipped the lines that could not be read
 */
@Schema(requiredProperties = { "sockets", "skipped" })
public record SocketCounters(Map<String, Map<String, Long>> sockets, Skipped skipped) implements TextView {

	/**
	 * The lines of {@code /proc/net/sockstat} and {@code sockstat6} as the kernel prints
	 * them ({@code TCP: inuse 5 orphan 0 tw 3 alloc 7 mem 1}).
	 */
	@Override
	public String plain() {
		StringBuilder text = new StringBuilder();
		this.sockets.forEach((group, counters) -> {
			text.append(group).append(':');
			counters.forEach((name, value) -> text.append(' ').append(name).append(' ').append(value));
			text.append('\n');
		});
		return text.toString();
	}

	@Override
	public TextTable csv() {
		return CounterText.rows(this.sockets);
	}

}
