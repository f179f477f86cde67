package io.netstatd.views.counters;

import java.util.Locale;
import java.util.Map;

import io.netstatd.support.text.TextTable;

/** The text forms both counter views share. */
final class CounterText {

	private CounterText() {
	}

	/** Each group's heading, then its counters, by the formats given. */
	static String grouped(Map<String, Map<String, Long>> groups, String heading, String counter) {
		StringBuilder text = new StringBuilder();
		groups.forEach((group, counters) -> {
			text.append(String.format(Locale.ROOT, heading, group));
			counters.forEach((name, value) -> text.append(String.format(Locale.ROOT, counter, name, value)));
		});
		return text.toString();
	}

	/** One row per counter: group, name, value. */
	static TextTable rows(Map<String, Map<String, Long>> groups) {
		TextTable table = new TextTable("group", "name", "value");
		groups.forEach((group, counters) -> counters.forEach((name, value) -> table.add(group, name, value)));
		return table;
	}

}
