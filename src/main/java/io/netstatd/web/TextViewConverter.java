package io.netstatd.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.netstatd.support.text.TextView;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link TextView} as {@code text/plain} or {@code text/csv}, UTF-8, with the
 * number of skipped procfs lines in a {@code Netstatd-Skipped-Lines} header when there
 * are any, and {@code Netstatd-Complete: false} when the answer may miss something it
 * counts (the text itself must stay what the replaced command prints).
 */
class TextViewConverter extends AbstractHttpMessageConverter<TextView> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final String SKIPPED_HEADER = "Netstatd-Skipped-Lines";

	static final String COMPLETE_HEADER = "Netstatd-Complete";

	private static final int BUFFER = 32 * 1024;

	TextViewConverter() {
		super(StandardCharsets.UTF_8, new MediaType("text", "plain", StandardCharsets.UTF_8), TEXT_CSV);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return TextView.class.isAssignableFrom(type);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected TextView readInternal(Class<? extends TextView> type, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("text bodies are written only", input);
	}

	@Override
	protected void writeInternal(TextView body, HttpOutputMessage output) throws IOException {
		MediaType type = output.getHeaders().getContentType();
		boolean csv = type != null && type.isCompatibleWith(TEXT_CSV);
		// a CSV written as read reads what can skip no line: nothing to say before its
		// body
		if (!(csv && body.csvWrittenAsRead()) && body.skipped().count() > 0) {
			output.getHeaders().set(SKIPPED_HEADER, Integer.toString(body.skipped().count()));
		}
		if (!body.complete()) {
			output.getHeaders().set(COMPLETE_HEADER, "false");
		}
		// written as it goes through a buffer, never the whole text as one string
		Writer out = new BufferedWriter(new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8), BUFFER);
		if (csv) {
			body.writeCsv(out);
		}
		else {
			body.writePlain(out);
		}
		out.flush();
	}

}
