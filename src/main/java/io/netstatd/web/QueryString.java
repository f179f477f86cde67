package io.netstatd.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.support.query.InvalidParameterException;

/**
 * The parameters of a request's query string, and nothing else: not headers (which Spring
 * binds into model attributes), not a form body. Decoded here as HTML forms encode them
 * ({@code +} a space, {@code %XX} a byte), the bytes as strict UTF-8.
 */
final class QueryString {

	private QueryString() {
	}

	/**
	 * The parameters of {@code query}, each with its values in order.
	 * @param query the raw query string, or null
	 * @return the parameters, in the order first given
	 * @throws InvalidParameterException when it is not percent-encoded UTF-8
	 */
	static Map<String, List<String>> parse(String query) {
		if (query == null || query.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.computeIfAbsent(name, (n) -> new ArrayList<>(1)).add(value);
		}
		return Collections.unmodifiableMap(parameters);
	}

	private static String decode(String encoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				int high = (i + 2 < encoded.length()) ? Character.digit(encoded.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(encoded.charAt(i + 2), 16) : -1;
				if (low < 0) {
					throw undecodable();
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > 0x7f) {
				// Tomcat passes raw bytes above ASCII as ISO-8859-1 characters
				bytes.write(c & 0xff);
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw undecodable();
		}
	}

	private static InvalidParameterException undecodable() {
		return new InvalidParameterException("", "The query string is not valid percent-encoded UTF-8.",
				"percent-encoded UTF-8");
	}

}
