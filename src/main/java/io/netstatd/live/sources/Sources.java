package io.netstatd.live.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who is hammering a port: its sources ranked, and the kernel's signals beside them.
 *
 * @param port the one port asked, or null for several or all
 * @param windowSeconds the window asked
 * @param countersSeconds how much of it the service's samples of the kernel's counters
 * cover (less than the window in the service's first minutes)
 * @param complete false when a close may be missing or the counters cover less than the
 * window
 * @param connections the connections to the port now
 * @param closed the connections to the port closed in the window
 * @param sources the sources, highest score first
 * @param signals what the kernel says, in the order of their kinds
 * @param captureSeconds with {@code capture}: how long the capture ran
 * @param skipped procfs lines left out
 */
@Schema(requiredProperties = { "windowSeconds", "countersSeconds", "complete", "connections", "closed", "sources",
		"signals", "skipped" })
public record Sources(Integer port, long windowSeconds, long countersSeconds, boolean complete, long connections,
		long closed, List<Source> sources, List<Signal> signals,
		@JsonInclude(JsonInclude.Include.NON_NULL) Double captureSeconds, Skipped skipped) implements TextView {

	/**
	 * A page to paste into an incident channel: the sources as {@code uniq -c} prints
	 * them (the score, the address, then what it holds and closed), then the signals, one
	 * line each.
	 */
	@Override
	public String plain() {
		StringBuilder text = new StringBuilder();
		for (Source source : this.sources) {
			text.append(String.format("%7d %s", source.score(), source.ip()))
				.append("  connections ")
				.append(source.connections());
			if (!source.states().isEmpty()) {
				text.append(source.states()
					.entrySet()
					.stream()
					.map((state) -> state.getKey() + " " + state.getValue())
					.collect(Collectors.joining(", ", " (", ")")));
			}
			text.append(", closed ").append(source.closed());
			if (source.packetsPerSecond() != null) {
				text.append(String.format(Locale.ROOT, ", %.1f packets/s, %.1f SYN/s", source.packetsPerSecond(),
						source.synsPerSecond()));
			}
			text.append('\n');
		}
		text.append('\n');
		if (this.signals.isEmpty()) {
			text.append("no signal\n");
		}
		this.signals.forEach((signal) -> text.append(signal.line()).append('\n'));
		return text.toString();
	}

	@Override
	public TextTable csv() {
		List<Object[]> rows = new ArrayList<>();
		for (Source s : this.sources) {
			rows.add(new Object[] { "source", s.ip(), s.score(), s.connections(), states(s.states()), s.closed(),
					s.bytesReceived(), s.bytesSent(), "" });
		}
		for (Signal s : this.signals) {
			rows.add(new Object[] { "signal", s.scope(), s.value(), "", "", "", "", "", s.kind() + ": " + s.detail() });
		}
		return TextTable.of(List.of("row", "key", "score", "connections", "states", "closed", "bytesReceived",
				"bytesSent", "signal"), rows, (row) -> row);
	}

	private static String states(Map<String, Long> states) {
		return states.entrySet()
			.stream()
			.map((state) -> state.getKey() + "=" + state.getValue())
			.collect(Collectors.joining(" "));
	}

}
