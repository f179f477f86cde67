package io.netstatd.export.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.views.interfaces.InterfacesRepository;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The host's figures under OpenTelemetry's names, pushed over OTLP when
 * {@code management.otlp.metrics.export.url} is set, and only then (Spring Boot would
 * otherwise push to localhost:4318 as soon as the registry is on the class path), with
 * the node's name as a resource attribute. The OTLP registry carries only those meters;
 * the Prometheus scrape keeps its names and never shows them.
 */
// Boot's own OTLP export is off (its default would push to localhost): its properties are
// bound here for the registry below
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OtlpMetricsProperties.class)
class OpenTelemetryConfig {

	@Bean
	SystemNetworkMeters systemNetworkMeters(SocketService sockets, InterfacesRepository interfaces) {
		return new SystemNetworkMeters(sockets, interfaces);
	}

	/** Spring Boot's scrape endpoint, with bucket bounds as PromQL users type them. */
	@Bean
	PlainBoundsScrapeEndpoint prometheusEndpoint(PrometheusRegistry registry, PrometheusConfig config) {
		return new PlainBoundsScrapeEndpoint(registry, config.prometheusProperties());
	}

	@Bean
	NodeName nodeName(NodeProperties properties, Environment environment, ProcfsProperties procfs) {
		return NodeName.of(properties.nodeName(), environment.getProperty("NODE_NAME"), procfs.root());
	}

	/**
	 * The scrape keeps its names, and every series of it names the node, as the
	 * {@code netstatd_*} families do ({@link HostMetrics}).
	 */
	@Bean
	MeterRegistryCustomizer<PrometheusMeterRegistry> prometheusKeepsItsNames(NodeName node) {
		return (registry) -> registry.config()
			.commonTags(NodeName.LABEL, node.value())
			.meterFilter(MeterFilter.denyNameStartsWith(SystemNetworkMeters.PREFIX));
	}

	@Bean
	@ConditionalOnProperty(prefix = "management.otlp.metrics.export", name = "url")
	OtlpMeterRegistry otlpMeterRegistry(OtlpMetricsProperties properties, NodeName node, Environment environment) {
		OtlpConfig config = new OtlpConfig() {

			@Override
			public String get(String key) {
				return null;
			}

			@Override
			public String url() {
				return properties.getUrl();
			}

			@Override
			public Duration step() {
				return properties.getStep();
			}

			@Override
			public Map<String, String> resourceAttributes() {
				Map<String, String> attributes = new LinkedHashMap<>(OtlpConfig.super.resourceAttributes());
				attributes.put("service.name", "netstatd");
				attributes.put("host.name", node.value());
				if (environment.getProperty("NODE_NAME") != null) {
					attributes.put("k8s.node.name", node.value());
				}
				return attributes;
			}

		};
		OtlpMeterRegistry registry = new OtlpMeterRegistry(config, Clock.SYSTEM);
		registry.config()
			.meterFilter(MeterFilter.denyUnless((id) -> id.getName().startsWith(SystemNetworkMeters.PREFIX)));
		return registry;
	}

}
