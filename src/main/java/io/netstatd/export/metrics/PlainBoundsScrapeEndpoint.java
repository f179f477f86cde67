package io.netstatd.export.metrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;

/**
 * Spring Boot's scrape endpoint, with histogram bounds written as PromQL users type them:
 * the Prometheus client writes a bucket's {@code le} with Java's {@code Double.toString},
 * so the RTT histogram's 0.1 ms bucket reads {@code le="1.0E-4"}, and
 * {@code rate(..._bucket{le="0.0001"}[5m])} finds nothing. Prometheus 2 stores label
 * values as written, so the text is corrected here: {@code le="0.0001"}. The client has
 * no option for it; this is the one place its text is touched, and only a bound in
 * scientific notation is rewritten (protobuf carries numbers and is left alone).
 */
class PlainBoundsScrapeEndpoint extends PrometheusScrapeEndpoint {

	private static final Pattern SCIENTIFIC_BOUND = Pattern.compile("le=\"(-?[0-9.]+E-?[0-9]+)\"");

	PlainBoundsScrapeEndpoint(PrometheusRegistry registry, java.util.Properties properties) {
		super(registry, properties);
	}

	@Override
	@ReadOperation(producesFrom = PrometheusOutputFormat.class)
	public WebEndpointResponse<byte[]> scrape(PrometheusOutputFormat format, @Nullable Set<String> includedNames) {
		WebEndpointResponse<byte[]> response = super.scrape(format, includedNames);
		if (format == PrometheusOutputFormat.CONTENT_TYPE_PROTOBUF || response.getStatus() != 200) {
			return response;
		}
		return new WebEndpointResponse<>(plainBounds(response.getBody()), format);
	}

	/**
	 * The text with every {@code le} bound in plain decimal notation.
	 * @param text a scrape in the text or OpenMetrics format
	 * @return the same text, {@code le="1.0E-4"} written {@code le="0.0001"}
	 */
	static byte[] plainBounds(byte[] text) {
		String scrape = new String(text, StandardCharsets.UTF_8);
		Matcher bound = SCIENTIFIC_BOUND.matcher(scrape);
		if (!bound.find()) {
			return text;
		}
		StringBuilder plain = new StringBuilder(scrape.length());
		do {
			String decimal = new BigDecimal(bound.group(1)).stripTrailingZeros().toPlainString();
			bound.appendReplacement(plain, "le=\"" + decimal + "\"");
		}
		while (bound.find());
		bound.appendTail(plain);
		return plain.toString().getBytes(StandardCharsets.UTF_8);
	}

}
