package io.netstatd.kernel.procfs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netstatd.support.report.Skipped;

import org.springframework.stereotype.Component;

/**
 * How many lines every read of each procfs file has skipped since the service started:
 * the parse errors the metrics show, so that a kernel whose format moves is noticed by an
 * alert rather than by a reader of a response's {@code skipped}. Reads of another
 * namespace's tables ({@code <root>/<pid>/net/tcp}) count under the table's own name
 * ({@code <root>/net/tcp}): one series per kind of file, however many processes are read
 * through.
 */
@Component
public class SkippedLineCounter {

	private final ConcurrentMap<String, LongAdder> byFile = new ConcurrentHashMap<>();

	/** {@code <root>/<pid>/net/}: a table of another namespace. */
	private final Pattern otherNamespace;

	/** {@code <root>/net/}: what such a table counts under. */
	private final String ownTables;

	public SkippedLineCounter(ProcfsProperties properties) {
		String root = properties.root().toString();
		this.otherNamespace = Pattern.compile(Pattern.quote(root) + "/[0-9]+/net/");
		this.ownTables = Matcher.quoteReplacement(root + "/net/");
	}

	/**
	 * Counts the lines one read of {@code file} skipped, none included: the file's series
	 * then exists from its first read on, at zero.
	 * @param file the file read
	 * @param skipped the lines it skipped
	 */
	public void count(String file, Skipped skipped) {
		this.byFile.computeIfAbsent(label(file), (name) -> new LongAdder());
		count(skipped);
	}

	/**
	 * Counts the lines one read skipped, under their files.
	 * @param skipped the lines
	 */
	public void count(Skipped skipped) {
		skipped.byFile()
			.forEach((file, lines) -> this.byFile.computeIfAbsent(label(file), (name) -> new LongAdder()).add(lines));
	}

	/**
	 * Skipped lines so far, by file.
	 * @return the counts, by file name
	 */
	public Map<String, Long> totals() {
		Map<String, Long> totals = new TreeMap<>();
		this.byFile.forEach((file, count) -> totals.put(file, count.sum()));
		return totals;
	}

	private String label(String file) {
		return this.otherNamespace.matcher(file).replaceFirst(this.ownTables);
	}

}
