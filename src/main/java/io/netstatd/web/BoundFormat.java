package io.netstatd.web;

import java.util.List;

import io.netstatd.support.query.Format;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * {@code ?format=json|table|csv} chooses as {@code Accept} does: read from the request's
 * bound query, where the format was checked like any parameter (Spring's own
 * {@code ParameterContentNegotiationStrategy} reads the raw parameter on every path and
 * fails a problem's own rendering on a word it does not know). Absent, {@code Accept}
 * decides.
 */
final class BoundFormat implements ContentNegotiationStrategy {

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	@Override
	public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		Format format = (servlet != null) ? QueryBinding.format(servlet) : null;
		if (format == null) {
			return MEDIA_TYPE_ALL_LIST;
		}
		return List.of(switch (format) {
			case JSON -> MediaType.APPLICATION_JSON;
			case TABLE -> MediaType.TEXT_PLAIN;
			case CSV -> TEXT_CSV;
		});
	}

}
