package io.netstatd.export.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.views.interfaces.InterfacesRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The host's figures under OpenTelemetry's names, pushed over OTLP when
 * {@code management.otlp.metrics.export.url} is set, and only then (Spring Boot would
 * otherwise push to localhost:4318 as soon as the registry is on the class path), with
 * the node's name as a resource attribute. The OTLP registry carries only those meters;
 * the Prometheus scrape keeps its names and never shows them.
 */
@Configuration(proxyBeanMethods = false)
class OpenTelemetryConfig {

	@Bean
	SystemNetworkMeters systemNetworkMeters(SocketService sockets, InterfacesRepository interfaces) {
		return new SystemNetworkMeters(sockets, interfaces);
	}

	@Bean
	MeterRegistryCustomizer<PrometheusMeterRegistry> prometheusKeepsItsNames() {
		return (registry) -> registry.config().meterFilter(MeterFilter.denyNameStartsWith(SystemNetworkMeters.PREFIX));
	}

	@Bean
	@ConditionalOnProperty(prefix = "management.otlp.metrics.export", name = "url")
	OtlpMeterRegistry otlpMeterRegistry(@Value("${management.otlp.metrics.export.url}") String url,
			@Value("${management.otlp.metrics.export.step:1m}") Duration step,
			@Value("${netstatd.node-name:${NODE_NAME:${HOSTNAME:}}}") String node) {
		OtlpConfig config = new OtlpConfig() {

			@Override
			public String get(String key) {
				return null;
			}

			@Override
			public String url() {
				return url;
			}

			@Override
			public Duration step() {
				return step;
			}

			@Override
			public Map<String, String> resourceAttributes() {
				Map<String, String> attributes = new LinkedHashMap<>(OtlpConfig.super.resourceAttributes());
				attributes.put("service.name", "netstatd");
				if (!node.isBlank()) {
					attributes.put("host.name", node);
					attributes.put("k8s.node.name", node);
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
