package io.netstatd.web;

import java.util.List;

import io.netstatd.support.query.Arguments;
import io.netstatd.support.query.Format;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * {@code ?format=json|table|csv} chooses as {@code Accept} does: read from the request's
 * bound query, where {@link Format#PARAM} was declared and checked like any parameter.
 * Absent, {@code Accept} decides.
 */
final class BoundFormat implements ContentNegotiationStrategy {

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	@Override
	public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		Arguments arguments = (servlet != null) ? QueryBinding.arguments(servlet) : null;
		Format format = (arguments != null && arguments.declares(Format.PARAM)) ? arguments.get(Format.PARAM) : null;
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
