package io.netstatd.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * {@code ?format=json|table|csv}: chooses the representation as {@code Accept} does, for
 * callers that cannot set headers (a browser's address bar, some dashboards). Any other
 * value asks for a media type nothing produces, which {@link ApiExceptionHandler} answers
 * with a 400 naming the parameter; failing here instead would leave Spring unable to
 * choose even the error's representation.
 */
final class FormatParameter implements ContentNegotiationStrategy {

	static final String NAME = "format";

	static final Map<String, MediaType> FORMATS = Map.of("json", MediaType.APPLICATION_JSON, "table",
			MediaType.TEXT_PLAIN, "csv", TextBodyConverter.TEXT_CSV);

	/** The names in the order the contract lists them. */
	static final List<String> NAMES = List.of("json", "table", "csv");

	private static final MediaType UNKNOWN = new MediaType("application", "x-netstatd-unknown-format");

	@Override
	public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
		String format = request.getParameter(NAME);
		if (format == null) {
			return MEDIA_TYPE_ALL_LIST;
		}
		return List.of(FORMATS.getOrDefault(format, UNKNOWN));
	}

	static boolean isUnknown(String format) {
		return format != null && !FORMATS.containsKey(format);
	}

}
