package io.netstatd.core.connections;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Writes a {@link ListingAsRead} as {@link SocketListingJson} writes a gathered list,
 * field for field, except that {@code connections} comes first, each row written as the
 * dump parses it, and {@code total} and {@code count}, known only then, come last.
 */
@JacksonComponent
class ListingAsReadJson extends StdSerializer<ListingAsRead> {

	ListingAsReadJson() {
		super(ListingAsRead.class);
	}

	@Override
	public void serialize(ListingAsRead listing, JsonGenerator out, SerializationContext context) {
		out.writeStartObject(listing);
		out.writeName(SocketListingJson.CONNECTIONS);
		out.writeStartArray();
		char[] text = new char[16];
		ListingAsRead.Written written = listing.read((row) -> SocketListingJson.writeRow(row, out, context, text));
		out.writeEndArray();
		out.writeName(SocketListingJson.SKIPPED);
		context.writeValue(out, written.skipped());
		out.writeName(SocketListingJson.TOTAL);
		out.writeNumber(written.total());
		out.writeName(SocketListingJson.COUNT);
		out.writeNumber(written.count());
		out.writeEndObject();
	}

}
