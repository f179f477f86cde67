package io.netstatd.live.closed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.support.report.Skipped;
import io.netstatd.support.text.TextTable;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code /stats/closed}: the connections closed in the window, grouped.
 *
 * @param windowSeconds how far back it looked
 * @param by what the groups are
 * @param total how many connections closed in the window, the ones past the limit
 * included
 * @param complete false when some may be missing: the window reaches back before the
 * service started, the ring of kept closes wrapped inside it, or the kernel dropped
 * notices
 * @param groups the groups, the largest first, then as {@code sort -rn} breaks ties (the
 * key whose text sorts last in bytes first)
 * @param skipped always none: nothing is read from procfs
 */
@Schema(requiredProperties = { "windowSeconds", "by", "total", "complete", "groups", "skipped" })
public record ClosedCounts(long windowSeconds, String by, long total, boolean complete, List<Group> groups,
		Skipped skipped) implements TextView {

	/** As {@code uniq -c} prints the keys after {@code sort -nr}. */
	@Override
	public String plain() {
		return TextTable.uniqCount(this.groups);
	}

	@Override
	public TextTable csv() {
		return TextTable.of(List.of("key", "count", "bytesSent", "bytesReceived", "retransmits"), this.groups,
				(g) -> new Object[] { g.key(), g.count(), g.bytesSent(), g.bytesReceived(), g.retransmits() });
	}

	static ClosedCounts of(ClosedQuery query, ClosedRecorder.Window window) {
		Map<String, long[]> sums = new LinkedHashMap<>();
		long total = 0;
		for (ClosedConnection c : window.closed()) {
			if (query.matches(c)) {
				total++;
				long[] sum = sums.computeIfAbsent(query.by().key(c), (key) -> new long[4]);
				sum[0]++;
				sum[1] += c.bytesSent();
				sum[2] += c.bytesReceived();
				sum[3] += c.retransmits();
			}
		}
		List<Group> groups = new ArrayList<>(sums.size());
		sums.forEach((key, sum) -> groups.add(new Group(key, sum[0], sum[1], sum[2], sum[3])));
		groups.sort(TextTable.CountedLine.RECIPE_ORDER);
		return new ClosedCounts(query.window().toSeconds(), query.by().toString(), total, window.complete(),
				List.copyOf(groups.subList(0, Math.min(query.limit(), groups.size()))), Skipped.NONE);
	}

	/**
	 * The connections of one key.
	 *
	 * @param key the peer's address, or the port
	 * @param count how many closed
	 * @param bytesSent bytes they sent, acknowledged
	 * @param bytesReceived bytes they received (each peer's FIN counts one)
	 * @param retransmits segments they retransmitted
	 */
	@Schema(requiredProperties = { "key", "count", "bytesSent", "bytesReceived", "retransmits" })
	public record Group(String key, long count, long bytesSent, long bytesReceived,
			long retransmits) implements TextTable.CountedLine {

		@Override
		public String value() {
			return this.key;
		}

	}

}
