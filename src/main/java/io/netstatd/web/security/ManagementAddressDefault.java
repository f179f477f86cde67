package io.netstatd.web.security;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The management server binds where the API binds unless told otherwise: Spring Boot
 * gives a management server on a port of its own ({@code management.server.port}) no
 * address, so it would listen on every interface while {@code server.address} keeps the
 * API on loopback, and the scrape (listening ports, remote addresses, pods) would be open
 * to anyone. Added last, so that any {@code management.server.address} given wins.
 * Registered in {@code META-INF/spring.factories}.
 */
class ManagementAddressDefault implements EnvironmentPostProcessor {

	static final String SOURCE = "netstatd-management-address";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String port = environment.getProperty("management.server.port", "");
		String address = environment.getProperty("server.address", "");
		if (port.isBlank() || address.isBlank() || environment.containsProperty("management.server.address")) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE, Map.of("management.server.address", address)));
	}

}
