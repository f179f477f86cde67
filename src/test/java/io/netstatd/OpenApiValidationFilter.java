package io.netstatd;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a REST Assured call whose response does not match {@code openapi.yaml}, the
 * published contract: status, media type and body schema.
 */
public final class OpenApiValidationFilter implements Filter {

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
		.build();

	/** The contract's findings on a response to GET {@code path}. */
	static ValidationReport validate(String path, int status, String contentType, String body) {
		SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
		if (contentType != null && !contentType.isEmpty()) {
			response.withContentType(contentType);
		}
		return VALIDATOR.validateResponse(path, Request.Method.GET, response.build());
	}

	@Override
	public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
			FilterContext context) {
		Response response = context.next(request, responseSpec);
		String path = request.getUserDefinedPath().replaceFirst("\\?.*", "");
		ValidationReport report = validate(path, response.statusCode(), response.contentType(), response.asString());
		assertThat(report.getMessages()).as("%s %s against openapi.yaml", request.getMethod(), path).isEmpty();
		return response;
	}

}
