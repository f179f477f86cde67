package io.netstatd.connections;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Writes a {@link StreamedListing} as {@link SocketListingJson} writes a gathered list,
 * field for field, except that {@code connections} comes first, each row written as the
 * dump parses it, and {@code total} and {@code count}, known only then, come last.
 */
@JacksonComponent
class StreamedListingJson extends StdSerializer<StreamedListing> {

	StreamedListingJson() {
		super(StreamedListing.class);
	}

	@Override
	public void serialize(StreamedListing listing, JsonGenerator out, SerializationContext context) {
		out.writeStartObject(listing);
		out.writeName(SocketListingJson.CONNECTIONS);
		out.writeStartArray();
		char[] text = new char[16];
		StreamedListing.Streamed streamed = listing
			.stream((row) -> SocketListingJson.writeRow(row, out, context, text));
		out.writeEndArray();
		out.writeName(SocketListingJson.SKIPPED);
		context.writeValue(out, streamed.skipped());
		out.writeName(SocketListingJson.TOTAL);
		out.writeNumber(streamed.total());
		out.writeName(SocketListingJson.COUNT);
		out.writeNumber(streamed.count());
		out.writeEndObject();
	}

}
