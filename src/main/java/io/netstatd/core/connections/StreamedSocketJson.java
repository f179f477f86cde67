package io.netstatd.core.connections;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Writes a stream's event as {@link StreamedSocket}'s bean serialization would: the row
 * as {@link SocketListingJson} writes a list's, then where the event comes from. One
 * writer for a row's JSON, in lists and streams alike.
 */
@JacksonComponent
class StreamedSocketJson extends StdSerializer<StreamedSocket> {

	private static final SerializableString SOURCE = SocketListingJson.name("source");

	private static final SerializableString LIVED_SECONDS = SocketListingJson.name("livedSeconds");

	StreamedSocketJson() {
		super(StreamedSocket.class);
	}

	@Override
	public void serialize(StreamedSocket event, JsonGenerator out, SerializationContext context) {
		out.writeStartObject(event);
		SocketListingJson.writeColumns(event.socket(), out, context, new char[16]);
		SocketListingJson.writeIfPresent(SOURCE, event.source(), out, context);
		SocketListingJson.writeIfPresent(LIVED_SECONDS, event.livedSeconds(), out, context);
		out.writeEndObject();
	}

}
