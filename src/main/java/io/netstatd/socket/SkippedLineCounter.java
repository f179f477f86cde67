package io.netstatd.socket;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * How many lines every read of each procfs file has skipped since the service started:
 * the parse errors the metrics show, so that a kernel whose format moves is noticed by an
 * alert rather than by a reader of a response's {@code skipped}.
 */
@Component
public class SkippedLineCounter {

	private final ConcurrentMap<String, LongAdder> byFile = new ConcurrentHashMap<>();

	/**
	 * Counts the lines one read of {@code file} skipped, none included: the file's series
	 * then exists from its first read on, at zero.
	 */
	public void count(String file, List<SkippedLine> skipped) {
		this.byFile.computeIfAbsent(file, (name) -> new LongAdder());
		count(skipped);
	}

	/** Counts the lines one read skipped. */
	public void count(List<SkippedLine> skipped) {
		for (SkippedLine line : skipped) {
			this.byFile.computeIfAbsent(line.file(), (file) -> new LongAdder()).increment();
		}
	}

	/** Skipped lines so far, by file. */
	public Map<String, Long> totals() {
		Map<String, Long> totals = new TreeMap<>();
		this.byFile.forEach((file, count) -> totals.put(file, count.sum()));
		return totals;
	}

}
