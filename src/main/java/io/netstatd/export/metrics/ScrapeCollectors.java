package io.netstatd.export.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors of one scrape, each run on its own: one that throws leaves out its own
 * families, is logged on one line, and shows as 0 in
 * {@code netstatd_scrape_collector_success{collector}} (node_exporter's
 * {@code node_scrape_collector_success}), beside each collector's duration; the others'
 * families are exposed as usual. A scrape is never a 500 for one collector's fault.
 */
final class ScrapeCollectors {

	private static final Logger log = LoggerFactory.getLogger(ScrapeCollectors.class);

	private final List<MetricSnapshot> metrics = new ArrayList<>();

	private final Map<String, double[]> outcomes = new LinkedHashMap<>();

	private final Labels common;

	/** Collectors whose series carry no label beside their own. */
	ScrapeCollectors() {
		this(Labels.EMPTY);
	}

	/**
	 * Collectors whose every series also carries {@code common}.
	 * @param common labels every data point gets, such as the node's name
	 */
	ScrapeCollectors(Labels common) {
		this.common = common;
	}

	/**
	 * Runs {@code collector}, keeping its families when it succeeds.
	 * @param name the collector's label
	 * @param collector reads and formats its families
	 */
	void collect(String name, Supplier<List<MetricSnapshot>> collector) {
		long start = System.nanoTime();
		boolean success;
		try {
			this.metrics.addAll(collector.get());
			success = true;
		}
		catch (RuntimeException ex) {
			log.warn("The {} metrics are left out of this scrape: {}", name, ex.toString());
			success = false;
		}
		this.outcomes.put(name, new double[] { success ? 1 : 0, (System.nanoTime() - start) / 1e9 });
	}

	/**
	 * The families of the collectors that succeeded, and the outcome of each.
	 * @return the scrape
	 */
	MetricSnapshots snapshots() {
		GaugeSnapshot.Builder success = GaugeSnapshot.builder()
			.name("netstatd_scrape_collector_success")
			.help("Whether a collector of this scrape succeeded (1) or was left out (0)");
		GaugeSnapshot.Builder duration = GaugeSnapshot.builder()
			.name("netstatd_scrape_collector_duration_seconds")
			.help("How long a collector of this scrape took");
		this.outcomes.forEach((name, outcome) -> {
			Labels labels = Labels.of("collector", name);
			success.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(outcome[0]).build());
			duration.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(outcome[1]).build());
		});
		List<MetricSnapshot> all = new ArrayList<>(this.metrics);
		all.add(success.build());
		all.add(duration.build());
		if (this.common.isEmpty()) {
			return new MetricSnapshots(all);
		}
		return new MetricSnapshots(all.stream().map(this::labelled).toList());
	}

	/**
	 * The snapshot with the common labels on each data point; the three kinds the
	 * collectors make.
	 */
	private MetricSnapshot labelled(MetricSnapshot snapshot) {
		if (snapshot instanceof GaugeSnapshot gauge) {
			return new GaugeSnapshot(gauge.getMetadata(),
					gauge.getDataPoints()
						.stream()
						.map((point) -> new GaugeDataPointSnapshot(point.getValue(), merged(point.getLabels()),
								point.getExemplar()))
						.toList());
		}
		if (snapshot instanceof CounterSnapshot counter) {
			return new CounterSnapshot(counter.getMetadata(),
					counter.getDataPoints()
						.stream()
						.map((point) -> new CounterDataPointSnapshot(point.getValue(), merged(point.getLabels()),
								point.getExemplar(), point.getCreatedTimestampMillis()))
						.toList());
		}
		if (snapshot instanceof HistogramSnapshot histogram) {
			return new HistogramSnapshot(histogram.isGaugeHistogram(), histogram.getMetadata(),
					histogram.getDataPoints()
						.stream()
						.map((point) -> new HistogramDataPointSnapshot(point.getClassicBuckets(), point.getSum(),
								merged(point.getLabels()), point.getExemplars(), point.getCreatedTimestampMillis()))
						.toList());
		}
		throw new IllegalStateException("No common labels for a " + snapshot.getClass().getSimpleName());
	}

	private Labels merged(Labels labels) {
		return labels.merge(this.common);
	}

}
