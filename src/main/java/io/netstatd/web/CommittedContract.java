package io.netstatd.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.SpringDocProviders;
import org.springdoc.core.service.AbstractRequestService;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.service.OpenAPIService;
import org.springdoc.core.service.OperationService;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;

import org.springframework.beans.factory.ObjectFactory;

/**
 * {@code /v3/api-docs} and {@code /v3/api-docs.yaml} (and so Swagger UI) answer the
 * committed {@code openapi.yaml}, packed into the jar by the build, instead of springdoc
 * generating it from the code on its first call: that took 23 s under load and held every
 * thread that asked meanwhile. {@code ContractTests} proves the committed document equal
 * to what the code generates ({@code netstatd.contract.source=code}); the service serves
 * the bytes, read and turned into JSON once, at start.
 */
class CommittedContract extends OpenApiWebMvcResource {

	/** Where the build puts the top-level {@code openapi.yaml}. */
	static final String RESOURCE = "/META-INF/netstatd/openapi.yaml";

	private final byte[] yaml;

	private final byte[] json;

	CommittedContract(ObjectFactory<OpenAPIService> openApi, AbstractRequestService requests,
			GenericResponseService responses, OperationService operations, SpringDocConfigProperties properties,
			SpringDocProviders providers, SpringDocCustomizers customizers) {
		super(openApi, requests, responses, operations, properties, providers, customizers);
		this.yaml = read();
		try {
			this.json = Json.mapper().writeValueAsBytes(Yaml.mapper().readTree(this.yaml));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the packed openapi.yaml is not YAML", ex);
		}
	}

	@Override
	public byte[] openapiJson(HttpServletRequest request, String apiDocsUrl, Locale locale) {
		return this.json;
	}

	@Override
	public byte[] openapiYaml(HttpServletRequest request, String apiDocsUrl, Locale locale) {
		return this.yaml;
	}

	private static byte[] read() {
		try (InputStream in = CommittedContract.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path: build with ./mvnw");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
