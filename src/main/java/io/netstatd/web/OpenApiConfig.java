package io.netstatd.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;

import org.springframework.context.annotation.Configuration;

/**
 * The generated contract's title and server; {@code openapi.yaml} at the top of the
 * repository is the published one, and a test keeps the two the same.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "netstatd", version = "1",
				description = "What netstat, ss and their awk recipes answer, as JSON over HTTP."),
		servers = @Server(url = "/"))
class OpenApiConfig {

}
