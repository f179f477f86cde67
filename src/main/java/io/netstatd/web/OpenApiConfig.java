package io.netstatd.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.process.PidSet;
import io.netstatd.kernel.socket.SortKeys;
import io.netstatd.kernel.socket.StateSet;
import io.netstatd.kernel.socket.Tables;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.query.ListValue;
import io.netstatd.support.query.NameSet;
import io.netstatd.support.text.TextView;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.SpringDocProviders;
import org.springdoc.core.service.AbstractRequestService;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.service.OpenAPIService;
import org.springdoc.core.service.OperationService;
import org.springdoc.core.utils.SpringDocUtils;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * The contract, written from the code alone: each operation's parameters from its query
 * record (names, types, allowed values, bounds, defaults, and descriptions from the
 * record's Javadoc), its representations from its body (every {@link TextView} has JSON,
 * text and CSV), its problems from the one error mapping, the prose from these
 * annotations and the code's Javadoc. {@code openapi.yaml} at the top of the repository
 * is this document, written by a test, and the same test fails when the two differ in
 * anything. Examples stay in the descriptions: an example value would be sent by Swagger
 * UI's "Try it out" as if the user had typed it.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "netstatd", version = "1", description = OpenApiConfig.DESCRIPTION),
		servers = @Server(url = "/"))
class OpenApiConfig {

	static final String DESCRIPTION = """
			What `netstat`, `ss` and their awk recipes answer on Linux, as JSON over HTTP, and as the text they \
			print (`format=table`) or CSV (`format=csv`).

			Every call reads the live tables of the host: sock_diag netlink, or `/proc/net/tcp`, `tcp6`, `udp`, \
			`udp6` and the other files of `/proc/net`. Addresses are canonical text (`127.0.0.1`, `::1`, \
			`fe80::1`); a wildcard is `0.0.0.0` or `::` with port 0; an IPv4-mapped IPv6 address is written as \
			plain IPv4 and its protocol stays `tcp6`. A UDP socket with no peer (kernel state 07) is `UNCONN`, as \
			ss names it.

			Parameters come from the query string only. One grammar for all: lists are comma-separated or \
			repeated (`port=80,443` or `port=80&port=443`), ports take ranges (`1024-65535`), words of a closed \
			set take any case, a parameter an endpoint does not know is an error.

			Errors are RFC 9457 problems (`application/problem+json`): 400 for an invalid or unknown query \
			parameter (`parameter` and `allowed` say which and what), 404 for an unknown path, 405 for a method \
			other than GET or HEAD, 406 for an `Accept` nothing matches, 503 when procfs cannot be read (`file` \
			names it) or when the service is at its bound of expensive walks (`Retry-After`). A malformed procfs \
			line never fails a call: it is left out and reported under `skipped`.

			When the service has credentials configured (netstatd.security.users, netstatd.security.token-hashes), \
			every request but /actuator/health/liveness and /actuator/health/readiness needs HTTP Basic or \
			`Authorization: Bearer <token>`; without them the answer is a 401 problem. Beyond loopback, \
			credentials are required for the service to start at all.""";

	private static final String PROBLEM = "application/problem+json";

	private static final Map<String, String> PROBLEMS = problems();

	static {
		// the deadline is the request's, not a parameter; the values a query record holds
		// are each one parameter, text in the query string, not objects to flatten
		SpringDocUtils.getConfig()
			.addRequestWrapperToIgnore(Deadline.class)
			.addSimpleTypesForParameterObject(PortSet.class, AddressSet.class, NamespaceChoice.class, PidSet.class,
					StateSet.class, Tables.class, SortKeys.class, NameSet.class);
	}

	/**
	 * The committed contract at {@code /v3/api-docs}, unless
	 * {@code netstatd.contract.source=code} (the contract test) has springdoc generate
	 * it.
	 */
	@Bean
	@ConditionalOnProperty(name = "netstatd.contract.source", havingValue = "committed", matchIfMissing = true)
	OpenApiWebMvcResource committedContract(ObjectFactory<OpenAPIService> openApi, AbstractRequestService requests,
			GenericResponseService responses, OperationService operations, SpringDocConfigProperties properties,
			SpringDocProviders providers, SpringDocCustomizers customizers) {
		return new CommittedContract(openApi, requests, responses, operations, properties, providers, customizers);
	}

	@Bean
	ParameterCustomizer listParameters() {
		return OpenApiConfig::listAsText;
	}

	@Bean
	OperationCustomizer declaredParameters() {
		return (operation, handler) -> ours(handler) ? describe(operation, handler) : operation;
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return (openApi) -> ModelConverters.getInstance()
			.readAll(ProblemBody.class)
			.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
	}

	/**
	 * Javadoc's line breaks out of the schemas' prose: a comment wraps at 90 columns, a
	 * description reads as one paragraph.
	 */
	@Bean
	OpenApiCustomizer oneParagraphDescriptions() {
		return (openApi) -> openApi.getComponents().getSchemas().values().forEach(OpenApiConfig::unwrap);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void unwrap(Schema schema) {
		if (schema.getDescription() != null) {
			schema.setDescription(schema.getDescription().replaceAll("\\s*\\n\\s*", " ").strip());
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiConfig::unwrap);
		}
		if (schema.getItems() != null) {
			unwrap(schema.getItems());
		}
	}

	private static boolean ours(HandlerMethod handler) {
		return handler.getBeanType().getPackageName().startsWith("io.netstatd.");
	}

	private static Operation describe(Operation operation, HandlerMethod handler) {
		defaults(operation, handler);
		ApiResponses responses = operation.getResponses();
		Class<?> body = handler.getReturnType().getParameterType();
		if (TextView.class.isAssignableFrom(body)) {
			responses.get("200").setContent(views(responses.get("200").getContent()));
		}
		else if (SseEmitter.class.isAssignableFrom(body)) {
			responses.get("200")
				.setContent(new Content().addMediaType(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE,
						new MediaType().schema(text("Server-Sent Events, as the operation's description says"))));
		}
		responses.get("200").setDescription("the answer");
		PROBLEMS.forEach((status, description) -> responses.addApiResponse(status, problem(description)));
		responses.forEach((status, response) -> {
			if (status.startsWith("4") || status.startsWith("5")) {
				responses.addApiResponse(status, problem(response.getDescription()));
			}
		});
		return operation;
	}

	/**
	 * A default an endpoint gives a parameter its query record shares with another
	 * ({@code processes} is true on {@code /listening}): springdoc does not merge a
	 * method's {@code @Parameter} into a parameter object's.
	 */
	private static void defaults(Operation operation, HandlerMethod handler) {
		io.swagger.v3.oas.annotations.Parameter given = handler
			.getMethodAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
		if (given == null || operation.getParameters() == null) {
			return;
		}
		operation.getParameters()
			.stream()
			.filter((parameter) -> parameter.getName().equals(given.name()))
			.forEach((parameter) -> parameter.setSchema(given(parameter.getSchema(), given.schema().defaultValue())));
	}

	/**
	 * A schema of its own with the default given: springdoc shares one among parameters.
	 */
	private static Schema<?> given(Schema<?> generated, String text) {
		if ("boolean".equals(generated.getType())
				|| (generated.getTypes() != null && generated.getTypes().contains("boolean"))) {
			return new BooleanSchema()._default(Boolean.valueOf(text));
		}
		return new StringSchema()._default(text);
	}

	/** The JSON body springdoc found, beside its text forms. */
	private static Content views(Content generated) {
		MediaType json = generated.values().iterator().next();
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json)
			.addMediaType("text/plain", new MediaType().schema(text("the text the replaced command prints")))
			.addMediaType("text/csv", new MediaType().schema(text("one row per item under a header row (RFC 4180)")));
	}

	/**
	 * A parameter's description as one paragraph, and a list value (ports, addresses,
	 * states) says it is one.
	 */
	private static Parameter listAsText(Parameter parameter, MethodParameter declared) {
		if (parameter == null || parameter.getDescription() == null) {
			return parameter;
		}
		// the record's Javadoc is HTML wrapped at 90 columns; a description is one
		// paragraph of text
		parameter.setDescription(HtmlUtils.htmlUnescape(
				parameter.getDescription().replaceAll("</?code>", "").replaceAll("\\s*\\n\\s*", " ").strip()));
		if (declared.getParameterType() == Duration.class && parameter.getSchema() != null) {
			// written 1s or 1500ms, not as ISO 8601's PT1S
			parameter.getSchema().setFormat(null);
		}
		if (ListValue.class.isAssignableFrom(declared.getParameterType())) {
			parameter
				.setDescription(parameter.getDescription() + "; a list: comma-separated, or the parameter repeated");
		}
		return parameter;
	}

	private static Schema<String> text(String description) {
		return new StringSchema().description(description);
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	private static Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		problems.put("400", "a parameter is invalid or unknown; parameter names it, allowed says what it allows");
		problems.put("406", "no representation matches Accept");
		problems.put("503", "procfs cannot be read (file names it), or too many walks are under way, or the "
				+ "socket lists under way hold as many rows as they may (Retry-After says when to try again)");
		return problems;
	}

}
